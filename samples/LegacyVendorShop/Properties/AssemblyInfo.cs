using System.Reflection;

[assembly: AssemblyTitle("LegacyVendorShop")]
[assembly: AssemblyVersion("1.0.0.0")]
