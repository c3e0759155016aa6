using Microsoft.CodeAnalysis;

namespace PolicyKit.Analyzers.Symbols;

/// <summary>The ASP.NET Core Identity types PK3003 looks at, resolved once per compilation.</summary>
internal sealed class IdentityOptionSymbols
{
    private IdentityOptionSymbols(Compilation compilation, INamedTypeSymbol passwordOptions)
    {
        PasswordOptions = passwordOptions;
        LockoutOptions = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Identity.LockoutOptions");
        IdentityOptions = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Identity.IdentityOptions");
        IdentityBuilder = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Identity.IdentityBuilder");
        SignInManager = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Identity.SignInManager`1");
        Configuration = WellKnownTypes.Get(compilation, "Microsoft.Extensions.Configuration.IConfiguration");
        OptionsBuilder = WellKnownTypes.Get(compilation, "Microsoft.Extensions.Options.OptionsBuilder`1");
    }

    /// <summary><c>Microsoft.AspNetCore.Identity.PasswordOptions</c>.</summary>
    public INamedTypeSymbol PasswordOptions { get; }

    /// <summary><c>Microsoft.AspNetCore.Identity.LockoutOptions</c>.</summary>
    public INamedTypeSymbol? LockoutOptions { get; }

    /// <summary><c>Microsoft.AspNetCore.Identity.IdentityOptions</c>.</summary>
    public INamedTypeSymbol? IdentityOptions { get; }

    /// <summary>What <c>AddIdentity</c>, <c>AddIdentityCore</c> and <c>AddDefaultIdentity</c> return.</summary>
    public INamedTypeSymbol? IdentityBuilder { get; }

    /// <summary><c>SignInManager&lt;TUser&gt;</c>, unbound.</summary>
    public INamedTypeSymbol? SignInManager { get; }

    /// <summary><c>IConfiguration</c>: options bound from it cannot be judged from source.</summary>
    public INamedTypeSymbol? Configuration { get; }

    /// <summary><c>OptionsBuilder&lt;TOptions&gt;</c>, unbound.</summary>
    public INamedTypeSymbol? OptionsBuilder { get; }

    /// <summary>Resolves the symbols; false when Identity's options are not referenced.</summary>
    public static bool TryCreate(Compilation compilation, out IdentityOptionSymbols symbols)
    {
        var password = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Identity.PasswordOptions");
        symbols = password is null ? null! : new IdentityOptionSymbols(compilation, password);
        return password is not null;
    }

    /// <summary>Whether a type is one of the options PK3003 judges (identity, password, lockout).</summary>
    public bool IsJudgedOptions(ITypeSymbol? type) =>
        type is not null
        && (SymbolEqualityComparer.Default.Equals(type, PasswordOptions)
            || SymbolEqualityComparer.Default.Equals(type, LockoutOptions)
            || SymbolEqualityComparer.Default.Equals(type, IdentityOptions));

    /// <summary>Whether a type is (or implements) <c>IConfiguration</c>.</summary>
    public bool IsConfiguration(ITypeSymbol? type) => type is not null && AuthorizationSymbols.Implements(type, Configuration);
}
