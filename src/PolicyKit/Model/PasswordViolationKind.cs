namespace PolicyKit;

/// <summary>Which clause of a <see cref="PasswordPolicy"/> a password breaks.</summary>
public enum PasswordViolationKind
{
    /// <summary>Fewer characters than <c>minimumLength</c>.</summary>
    TooShort,

    /// <summary>More characters than <c>maximumLength</c>.</summary>
    TooLong,

    /// <summary>A class of <c>requiredClasses</c> is absent.</summary>
    MissingCharacterClass,

    /// <summary>Fewer classes than <c>minimumClassCount</c>.</summary>
    TooFewCharacterClasses,

    /// <summary>The password is on <c>bannedPasswords</c>.</summary>
    Banned,

    /// <summary>The password contains the user name, email or a service word (<c>rejectContextWords</c>).</summary>
    ContextDerived,
}
