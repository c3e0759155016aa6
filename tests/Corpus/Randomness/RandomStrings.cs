using System;
using System.Security.Cryptography;

namespace Corpus.Randomness;

/// <summary>String generators shared by the token services in other files.</summary>
public static class RandomStrings
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string Alphanumeric(int length)
    {
        var chars = new char[length];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[Random.Shared.Next(Alphabet.Length)]; // vuln:PK4003#alnum used for invitation and unlock codes
        }

        return new string(chars);
    }

    public static string Secure(int length) => RandomNumberGenerator.GetString(Alphabet, length); // safe:PK4003#secure-alnum CSPRNG

    public static string DisplayColour() => $"#{Random.Shared.Next(0x1000000):x6}"; // safe:PK4003 avatar placeholder colour
}
