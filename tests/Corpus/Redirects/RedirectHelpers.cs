using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Redirects;

/// <summary>Post-login navigation used by several controllers.</summary>
public sealed class LoginRedirects(IUrlHelperFactoryAccessor accessor)
{
    public IActionResult After(string? returnUrl) =>
        new RedirectResult(returnUrl ?? "/"); // vuln:PK1005#after-login any URL the caller passes

    public IActionResult AfterChecked(string? returnUrl) =>
        accessor.IsLocal(returnUrl) ? new RedirectResult(returnUrl!) : new RedirectResult("/"); // safe:PK1005#after-login-checked local URLs only
}

/// <summary>Wraps the local-URL test so services can use it without an ActionContext.</summary>
public interface IUrlHelperFactoryAccessor
{
    bool IsLocal(string? url);
}

public sealed class LocalUrlTester : IUrlHelperFactoryAccessor
{
    public bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}

public static class PartnerSites
{
    private static readonly HashSet<string> Hosts = new(StringComparer.OrdinalIgnoreCase) { "partners.example.com", "help.example.com" };

    public static bool IsPartner(this Uri uri) => uri.Scheme == Uri.UriSchemeHttps && Hosts.Contains(uri.Host);

    public static string WithCampaign(this string target) => target + (target.Contains('?') ? "&" : "?") + "utm_source=shop";
}
