using System;
using Microsoft.Extensions.Time.Testing;

namespace PolicyKit.Tests.Model;

public sealed class RetentionPeriodTests
{
    private static readonly TimeSpan Tokyo = TimeSpan.FromHours(9);

    [Fact]
    public void Computes_the_due_instant_at_the_offset_of_creation()
    {
        var period = new RetentionPeriod { DataClass = "mynumber", MaximumKeepDays = 30 };
        var created = new DateTimeOffset(2026, 3, 31, 23, 30, 0, Tokyo);

        Assert.Equal(new DateTimeOffset(2026, 4, 30, 23, 30, 0, Tokyo), period.DeletionDueOn(created));
    }

    [Fact]
    public void Compares_expiry_as_instants_across_time_zones_around_midnight()
    {
        var period = new RetentionPeriod { DataClass = "personal", MaximumKeepDays = 1 };
        var created = new DateTimeOffset(2026, 3, 31, 0, 30, 0, Tokyo);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 31, 15, 29, 59, TimeSpan.Zero));

        Assert.False(period.IsExpired(created, time));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(period.IsExpired(created, time));
        Assert.True(period.IsExpired(created, new DateTimeOffset(2026, 4, 1, 0, 30, 0, Tokyo)));
        Assert.False(period.IsExpired(created, new DateTimeOffset(2026, 4, 1, 0, 29, 0, Tokyo)));
    }

    [Fact]
    public void Has_no_due_date_without_a_maximum_or_under_legal_hold()
    {
        var created = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var far = created.AddYears(100);

        Assert.Null(new RetentionPeriod().DeletionDueOn(created));
        Assert.False(new RetentionPeriod().IsExpired(created, far));
        var held = new RetentionPeriod { MaximumKeepDays = 1, LegalHold = true };
        Assert.Null(held.DeletionDueOn(created));
        Assert.False(held.IsExpired(created, far));
        Assert.False(held.MayDelete(created, far));
    }

    [Fact]
    public void Forbids_deletion_before_the_minimum_keep()
    {
        var period = new RetentionPeriod { MinimumKeepDays = 7, MaximumKeepDays = 30 };
        var created = new DateTimeOffset(2026, 1, 1, 0, 0, 0, Tokyo);
        var time = new FakeTimeProvider(created.AddDays(7).AddTicks(-1));

        Assert.False(period.MayDelete(created, time));
        time.Advance(TimeSpan.FromTicks(1));
        Assert.True(period.MayDelete(created, time));
    }

    [Fact]
    public void Finds_the_period_of_a_data_class()
    {
        var retention = new RetentionPolicy { Periods = new[] { new RetentionPeriod { DataClass = "MyNumber", MaximumKeepDays = 10 } } };

        Assert.Equal(10, retention.For("mynumber")!.MaximumKeepDays);
        Assert.Null(retention.For("personal"));
    }
}
