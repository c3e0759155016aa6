using System.Collections.Generic;

namespace PolicyKit.Tests.Serialization;

public sealed class PolicyJsonWriteTests
{
    [Fact]
    public void Write_parse_write_is_identical_with_the_same_hash()
    {
        var first = Fixtures.Parse(Samples.Full);
        var text = PolicyJson.Write(first.Declared!);

        var second = Fixtures.Parse(text);

        Assert.Empty(second.Errors);
        Assert.Equal(text, PolicyJson.Write(second.Declared!));
        Assert.Equal(first.Hash, second.Hash);
        Assert.Equal(PolicyJson.Hash(second.Declared!), second.Hash);
    }

    [Fact]
    public void Hash_ignores_formatting_and_key_order_but_not_values()
    {
        var a = Fixtures.Parse("{\"name\":\"x\",\"password\":{\"minimumLength\":12,\"historyCount\":5}}");
        var b = Fixtures.Parse("{\n  \"password\": { \"historyCount\": 5, \"minimumLength\": 12 },\n  \"name\": \"x\"\n}");
        var c = Fixtures.Parse("{\"name\":\"x\",\"password\":{\"minimumLength\":13,\"historyCount\":5}}");

        Assert.Equal(a.Hash, b.Hash);
        Assert.NotEqual(a.Hash, c.Hash);
    }

    [Fact]
    public void Writes_keys_in_fixed_order_and_provenance_as_wrappers()
    {
        var policy = new PolicySet
        {
            Name = "x",
            Password = new PasswordPolicy { Lockout = new LockoutRule { Threshold = 5 }, MinimumLength = 12 },
            Encryption = new EncryptionRequirement { MinimumKeySizes = new Dictionary<string, int> { ["RSA"] = 2048, ["EC"] = 256 } },
            Sources = new Dictionary<string, Provenance> { ["password.minimumLength"] = Provenance.Clause("MN-11") },
        };

        Assert.Equal(
            """
            {
              "name": "x",
              "password": {
                "minimumLength": {
                  "value": 12,
                  "source": "MN-11"
                },
                "lockout": {
                  "threshold": 5
                }
              },
              "encryption": {
                "minimumKeySizes": {
                  "EC": 256,
                  "RSA": 2048
                }
              }
            }

            """.Replace("\r\n", "\n"),
            PolicyJson.Write(policy));
    }

    [Fact]
    public void Round_trips_provenance_of_profiles_and_items()
    {
        var profile = Fixtures.Profile("mynumber-like");
        var text = PolicyJson.Write(profile);

        var again = Fixtures.Parse(text).Declared!;

        Assert.Equal(profile.SourceOf("password.minimumLength"), again.SourceOf("password.minimumLength"));
        Assert.Equal("mynumber-like", again.SourceOf("encryption.minimumKeySizes.RSA").Profile);
        Assert.Equal(text, PolicyJson.Write(again));
    }

    [Fact]
    public void Writes_an_empty_policy_as_an_empty_object()
    {
        Assert.Equal("{}\n", PolicyJson.Write(PolicySet.Empty));
    }

    [Fact]
    public void Keeps_japanese_text_readable()
    {
        var text = PolicyJson.Write(new PolicySet { Name = "給与システム" });

        Assert.Contains("\"給与システム\"", text);
    }
}
