using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace PolicyKit.Cli.Reports;

/// <summary>An item's answer on the IPA checklist.</summary>
internal enum ChecklistStatus
{
    /// <summary>対応済: an automatically checked item whose rules found nothing, on a complete analysis.</summary>
    Done,

    /// <summary>未対応: a finding (waived or not) of one of the item's rules.</summary>
    NotDone,

    /// <summary>対応不要: not applicable to the technology, or another item of its ※ group is done.</summary>
    NotNeeded,

    /// <summary>要目視: a person must decide (manual and partial items, or an incomplete analysis).</summary>
    ReviewByHand,
}

/// <summary>One checklist item as answered by the review.</summary>
/// <param name="Id">The control id (<c>IPA-WEB-1-(i)-a</c>).</param>
/// <param name="Item">The item number (<c>1-(i)-a</c>).</param>
/// <param name="Category">The checklist section (<c>1</c> … <c>11</c>), empty for the 20ヶ条.</param>
/// <param name="Title">The item's wording in the view's language.</param>
/// <param name="Measure">根本的解決 or 保険的対策.</param>
/// <param name="Group">The ※ group, or <see langword="null"/>.</param>
/// <param name="Checkable">How the item is checked.</param>
/// <param name="Status">The answer.</param>
/// <param name="Reason">Why, in the view's language.</param>
/// <param name="Rules">The rules giving evidence.</param>
/// <param name="Findings">Ids of its findings (open and waived).</param>
internal sealed record ChecklistItem(
    string Id,
    string Item,
    string Category,
    string Title,
    MeasureKind Measure,
    string? Group,
    Checkability Checkable,
    ChecklistStatus Status,
    string Reason,
    ImmutableArray<string> Rules,
    ImmutableArray<string> Findings);

/// <summary>The report view by IPA checklist item: the same review, answered item by item.</summary>
/// <param name="Report">The acceptance report it is computed from.</param>
/// <param name="Items">The checklist items, in checklist order.</param>
/// <param name="SiteCheck">The source-checkable articles of the 20ヶ条.</param>
internal sealed record ChecklistView(AcceptanceReport Report, ImmutableArray<ChecklistItem> Items, ImmutableArray<ChecklistItem> SiteCheck)
{
    /// <summary>The catalog source of the checklist.</summary>
    public const string Source = "ipa-websecurity-7";

    /// <summary>The catalog source of the 20ヶ条.</summary>
    public const string SiteCheckSource = "ipa-sitecheck-20";

    /// <summary>Answers every item (rules in docs/ipa-websecurity-7.md).</summary>
    /// <param name="report">The report.</param>
    /// <param name="catalog">The control catalog.</param>
    /// <returns>The view.</returns>
    public static ChecklistView Build(AcceptanceReport report, ControlCatalog catalog)
    {
        var t = ViewText.For(report.Header.Language);
        var items = Answer(report, catalog.ForSource(Source), "IPA-WEB-", t);
        items = ApplyGroups(items, t);
        return new ChecklistView(report, items, Answer(report, catalog.ForSource(SiteCheckSource), "IPA-SITE-", t));
    }

    /// <summary>How many items have a status.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The count.</returns>
    public int Count(ChecklistStatus status) => Items.Count(i => i.Status == status);

    private static ImmutableArray<ChecklistItem> Answer(AcceptanceReport report, IReadOnlyList<CatalogControl> controls, string prefix, ViewText t)
    {
        var available = report.Rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var result = ImmutableArray.CreateBuilder<ChecklistItem>(controls.Count);
        foreach (var control in controls)
        {
            var id = control.Id.Value;
            var number = id.StartsWith(prefix, StringComparison.Ordinal) ? id[prefix.Length..] : id;
            var rules = control.Rules.Select(r => r.ToString()).ToImmutableArray();
            var findings = report.Findings.Where(f => f.Controls.Contains(id, StringComparer.OrdinalIgnoreCase)).ToList();
            var open = findings.Count(f => !f.IsWaived);
            var ruleList = string.Join(", ", rules);
            var note = control.Note?.Get(t.Japanese);
            (ChecklistStatus Status, string Reason) answer;
            if (open > 0)
            {
                answer = (ChecklistStatus.NotDone, t.Format("Why.Findings", open));
            }
            else if (findings.Count > 0)
            {
                var waiver = findings[0].Waiver!;
                answer = (ChecklistStatus.NotDone, t.Format("Why.Waived", findings.Count, waiver.Approver, waiver.Expires));
            }
            else if (control.Checkable == Checkability.NotApplicable)
            {
                answer = (ChecklistStatus.NotNeeded, note ?? t["Check.NotApplicable"]);
            }
            else if (control.Checkable == Checkability.Manual || rules.IsEmpty)
            {
                answer = (ChecklistStatus.ReviewByHand, note ?? t["Why.Manual"]);
            }
            else if (rules.FirstOrDefault(r => !available.Contains(r)) is { } missing)
            {
                answer = (ChecklistStatus.ReviewByHand, t.Format("Why.RuleMissing", missing));
            }
            else if (!report.Coverage.IsComplete)
            {
                // Never a clean pass on an analysis that did not see the whole delivery.
                answer = (ChecklistStatus.ReviewByHand, t.Format("Why.Incomplete", ruleList));
            }
            else if (control.Checkable == Checkability.Partial)
            {
                answer = (ChecklistStatus.ReviewByHand, t.Format("Why.Partial", ruleList) + (note is null ? string.Empty : " — " + note));
            }
            else
            {
                answer = (ChecklistStatus.Done, t.Format("Why.Clean", ruleList) + (note is null ? string.Empty : " — " + note));
            }

            var category = prefix == "IPA-WEB-" ? number[..number.IndexOf('-', StringComparison.Ordinal)] : string.Empty;
            result.Add(new ChecklistItem(id, number, category, control.Title.Get(t.Japanese), control.Measure, control.Group, control.Checkable, answer.Status, answer.Reason, rules, findings.Select(f => f.Id).ToImmutableArray()));
        }

        return result.MoveToImmutable();
    }

    // ※ groups: any one measure suffices, so once one member is done the others that await a person are not needed.
    private static ImmutableArray<ChecklistItem> ApplyGroups(ImmutableArray<ChecklistItem> items, ViewText t)
    {
        var doneBy = items.Where(i => i.Group is not null && i.Status == ChecklistStatus.Done)
            .GroupBy(i => i.Group!).ToDictionary(g => g.Key, g => g.First().Item, StringComparer.Ordinal);
        return items.Select(i => i.Group is { } g && doneBy.TryGetValue(g, out var by) && i.Status == ChecklistStatus.ReviewByHand
            ? i with { Status = ChecklistStatus.NotNeeded, Reason = t.Format("Why.GroupDone", by) }
            : i).ToImmutableArray();
    }
}
