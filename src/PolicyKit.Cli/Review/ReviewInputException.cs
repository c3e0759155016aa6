using System;

namespace PolicyKit.Cli.Review;

/// <summary>The input cannot be reviewed (missing path, nothing to review, invalid policy): exit code 2, no report.</summary>
internal sealed class ReviewInputException : Exception
{
    /// <summary>Creates the exception with a message for the person running the review.</summary>
    /// <param name="message">What is wrong and what was expected.</param>
    public ReviewInputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ReviewInputException()
    {
    }

    /// <summary>Creates the exception with an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ReviewInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
