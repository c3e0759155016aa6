using System.Threading.Tasks;
using Verify = PolicyKit.Analyzers.Tests.Infrastructure.PolicyVerifier<PolicyKit.Analyzers.Rules.PK1007InsecureDeserializationAnalyzer, PolicyKit.CodeFixes.Rules.PK1007InsecureDeserializationFixer>;

namespace PolicyKit.Analyzers.Tests.Rules;

public sealed class PK1007InsecureDeserializationTests
{
    // Json.NET is not referenced by the test project: this stub has its public shape (namespace, names, enum values).
    private const string NewtonsoftStub = """

        namespace Newtonsoft.Json
        {
            public enum TypeNameHandling { None = 0, Objects = 1, Arrays = 2, All = 3, Auto = 4 }
            public interface ISerializationBinder { System.Type BindToType(string? assemblyName, string typeName); }
            public class DefaultSerializationBinder : ISerializationBinder { public System.Type BindToType(string? assemblyName, string typeName) => typeof(object); }
            public class JsonSerializerSettings
            {
                public TypeNameHandling TypeNameHandling { get; set; }
                public ISerializationBinder? SerializationBinder { get; set; }
            }
            public class JsonSerializer
            {
                public TypeNameHandling TypeNameHandling { get; set; }
                public ISerializationBinder? SerializationBinder { get; set; }
                public static JsonSerializer Create(JsonSerializerSettings settings) => new JsonSerializer();
            }
            public static class JsonConvert
            {
                public static T? DeserializeObject<T>(string value, JsonSerializerSettings settings) => default;
            }
        }
        """;

    // .NET Framework serializers, absent from .NET 10: stubs with their real namespaces and members.
    private const string FrameworkStub = """

        namespace System.Web.UI
        {
            public sealed class LosFormatter { public object Deserialize(string input) => input; }
            public sealed class ObjectStateFormatter { public object Deserialize(string inputString) => inputString; }
        }
        namespace System.Runtime.Serialization
        {
            public sealed class NetDataContractSerializer
            {
                public object? ReadObject(System.IO.Stream stream) => null;
                public object? Deserialize(System.IO.Stream stream) => null;
            }
        }
        namespace System.Runtime.Serialization.Formatters.Soap
        {
            public sealed class SoapFormatter { public object? Deserialize(System.IO.Stream serializationStream) => null; }
        }
        namespace System.Web.Script.Serialization
        {
            public abstract class JavaScriptTypeResolver { }
            public class SimpleTypeResolver : JavaScriptTypeResolver { }
            public class JavaScriptSerializer
            {
                public JavaScriptSerializer() { }
                public JavaScriptSerializer(JavaScriptTypeResolver resolver) { }
                public T? Deserialize<T>(string input) => default;
            }
        }
        """;

    // ---- flagged ----

    [Fact]
    public Task Flags_binary_formatter_deserialize_of_an_upload() => Verify.Analyzer("""
        #pragma warning disable SYSLIB0011
        using System.IO;
        using System.Runtime.Serialization.Formatters.Binary;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        public class ImportController : Controller
        {
            [HttpPost]
            public IActionResult Upload(IFormFile file)
            {
                using var stream = file.OpenReadStream();
                var formatter = new BinaryFormatter();
                var cart = [|formatter.Deserialize(stream)|];
                return Ok(cart);
            }
        }
        """);

    [Fact]
    public Task Flags_binary_formatter_deserialize_of_a_cookie_in_a_helper() => Verify.Analyzer("""
        #pragma warning disable SYSLIB0011
        using System.IO;
        using System.Runtime.Serialization.Formatters.Binary;

        public static class SessionStore
        {
            public static object Load(string cookie) => [|new BinaryFormatter().Deserialize(new MemoryStream(System.Convert.FromBase64String(cookie)))|];
        }
        """);

    [Fact]
    public Task Flags_los_formatter_deserialize_of_view_state() => Verify.Analyzer("""
        using System.Web.UI;

        public class LegacyPage
        {
            public object Restore(string viewState) => [|new LosFormatter().Deserialize(viewState)|];
        }
        """ + FrameworkStub);

    [Fact]
    public Task Flags_object_state_formatter_and_soap_formatter() => Verify.Analyzer("""
        using System.IO;
        using System.Runtime.Serialization.Formatters.Soap;
        using System.Web.UI;

        public class Restorer
        {
            public object Page(string state) => [|new ObjectStateFormatter().Deserialize(state)|];
            public object? Soap(Stream body) => [|new SoapFormatter().Deserialize(body)|];
        }
        """ + FrameworkStub);

    [Fact]
    public Task Flags_net_data_contract_serializer_read_object() => Verify.Analyzer("""
        using System.IO;
        using System.Runtime.Serialization;

        public class MessageReader
        {
            private readonly NetDataContractSerializer _serializer = new();
            public object? Read(Stream body) => [|_serializer.ReadObject(body)|];
            public object? ReadAgain(Stream body) => [|_serializer.Deserialize(body)|];
        }
        """ + FrameworkStub);

    [Fact]
    public Task Flags_type_name_handling_all_in_settings_initializer() => Verify.Analyzer("""
        using Newtonsoft.Json;

        public class OrderImporter
        {
            public T? Parse<T>(string json) => JsonConvert.DeserializeObject<T>(json, new JsonSerializerSettings
            {
                TypeNameHandling = [|TypeNameHandling.All|],
            });
        }
        """ + NewtonsoftStub);

    [Fact]
    public Task Flags_type_name_handling_auto_assigned_later() => Verify.Analyzer("""
        using Newtonsoft.Json;

        public static class JsonConfig
        {
            public static JsonSerializerSettings Create()
            {
                var settings = new JsonSerializerSettings();
                settings.TypeNameHandling = [|TypeNameHandling.Auto|];
                return settings;
            }
        }
        """ + NewtonsoftStub);

    [Fact]
    public Task Flags_type_name_handling_objects_on_a_serializer_field() => Verify.Analyzer("""
        public class EventStore
        {
            private readonly Newtonsoft.Json.JsonSerializer _serializer = new() { TypeNameHandling = [|Newtonsoft.Json.TypeNameHandling.Objects|] };
            public Newtonsoft.Json.JsonSerializer Serializer => _serializer;
        }
        """ + NewtonsoftStub);

    [Fact]
    public Task Flags_type_name_handling_with_the_default_binder() => Verify.Analyzer("""
        using Newtonsoft.Json;

        public static class JsonConfig
        {
            public static readonly JsonSerializerSettings Settings = new()
            {
                TypeNameHandling = [|TypeNameHandling.Arrays|],
                SerializationBinder = new DefaultSerializationBinder(),
            };
        }
        """ + NewtonsoftStub);

    [Fact]
    public Task Flags_javascript_serializer_with_simple_type_resolver() => Verify.Analyzer("""
        using System.Web.Script.Serialization;

        public class LegacyJson
        {
            public T? Read<T>(string body) => [|new JavaScriptSerializer(new SimpleTypeResolver())|].Deserialize<T>(body);
        }
        """ + FrameworkStub);

    [Fact]
    public Task Flags_xml_serializer_with_type_from_request() => Verify.Analyzer("""
        using System;
        using System.IO;
        using System.Xml.Serialization;
        using Microsoft.AspNetCore.Mvc;

        [ApiController]
        [Route("api/import")]
        public class XmlImportController : ControllerBase
        {
            [HttpPost]
            public IActionResult Import([FromQuery] string type, [FromBody] Stream body)
            {
                var serializer = [|new XmlSerializer(Type.GetType(type)!)|];
                return Ok(serializer.Deserialize(body));
            }
        }
        """);

    [Fact]
    public Task Flags_xml_serializer_with_type_looked_up_in_an_assembly_through_a_local() => Verify.Analyzer("""
        using System.IO;
        using System.Reflection;
        using System.Xml.Serialization;

        public class MessageBus
        {
            public object? Read(string typeName, Stream body)
            {
                var type = Assembly.GetExecutingAssembly().GetType(typeName, throwOnError: true)!;
                return [|new XmlSerializer(type)|].Deserialize(body);
            }
        }
        """);

    // ---- silent ----

    [Fact]
    public Task Ignores_system_text_json() => Verify.NoDiagnostic("""
        using System.Text.Json;
        using System.Text.Json.Serialization;

        [JsonPolymorphic]
        [JsonDerivedType(typeof(Card), "card")]
        public class Payment { public decimal Amount { get; set; } }
        public class Card : Payment { public string? Last4 { get; set; } }

        public static class Payments
        {
            public static Payment? Parse(string json) => JsonSerializer.Deserialize<Payment>(json);
        }
        """);

    [Fact]
    public Task Ignores_type_name_handling_none() => Verify.NoDiagnostic("""
        using Newtonsoft.Json;

        public static class JsonConfig
        {
            public static readonly JsonSerializerSettings Settings = new() { TypeNameHandling = TypeNameHandling.None };
        }
        """ + NewtonsoftStub);

    [Fact]
    public Task Ignores_type_name_handling_with_an_allow_list_binder() => Verify.NoDiagnostic("""
        using System;
        using Newtonsoft.Json;

        public sealed class KnownTypesBinder : ISerializationBinder
        {
            public Type BindToType(string? assemblyName, string typeName) =>
                typeName == "Shop.Order" ? typeof(object) : throw new InvalidOperationException(typeName);
        }

        public static class JsonConfig
        {
            public static readonly JsonSerializerSettings Settings = new()
            {
                TypeNameHandling = TypeNameHandling.Auto,
                SerializationBinder = new KnownTypesBinder(),
            };
        }
        """ + NewtonsoftStub);

    [Fact]
    public Task Ignores_type_name_handling_with_binder_assigned_on_the_same_local() => Verify.NoDiagnostic("""
        using System;
        using Newtonsoft.Json;

        public sealed class KnownTypesBinder : ISerializationBinder
        {
            public Type BindToType(string? assemblyName, string typeName) => typeof(object);
        }

        public static class JsonConfig
        {
            public static JsonSerializerSettings Create()
            {
                var settings = new JsonSerializerSettings();
                settings.TypeNameHandling = TypeNameHandling.Objects;
                settings.SerializationBinder = new KnownTypesBinder();
                return settings;
            }
        }
        """ + NewtonsoftStub);

    [Fact]
    public Task Ignores_xml_serializer_of_a_fixed_type() => Verify.NoDiagnostic("""
        using System.IO;
        using System.Xml.Serialization;

        public class Invoice { public string? Number { get; set; } }

        public static class InvoiceReader
        {
            private static readonly XmlSerializer Serializer = new(typeof(Invoice));
            public static Invoice? Read(Stream body) => (Invoice?)Serializer.Deserialize(body);
            public static object? ReadConstantType(Stream body) => new XmlSerializer(System.Type.GetType("Invoice")!).Deserialize(body);
        }
        """);

    [Fact]
    public Task Ignores_xml_serializer_of_the_runtime_type_of_an_object_being_written() => Verify.NoDiagnostic("""
        using System.IO;
        using System.Xml.Serialization;

        public static class XmlWriterHelper
        {
            public static void Write(object value, Stream output) => new XmlSerializer(value.GetType()).Serialize(output, value);
        }
        """);

    [Fact]
    public Task Ignores_data_contract_serializer_with_declared_types() => Verify.NoDiagnostic("""
        using System.IO;
        using System.Runtime.Serialization;

        [DataContract] public class Shipment { [DataMember] public string? Id { get; set; } }

        public static class ShipmentReader
        {
            public static Shipment? Read(Stream body) => (Shipment?)new DataContractSerializer(typeof(Shipment)).ReadObject(body);
        }
        """);

    [Fact]
    public Task Ignores_binary_formatter_serialize_only() => Verify.NoDiagnostic("""
        #pragma warning disable SYSLIB0011
        using System.IO;
        using System.Runtime.Serialization.Formatters.Binary;

        public static class Exporter
        {
            public static void Save(object graph, Stream output) => new BinaryFormatter().Serialize(output, graph);
        }
        """);

    [Fact]
    public Task Ignores_javascript_serializer_without_a_type_resolver() => Verify.NoDiagnostic("""
        using System.Web.Script.Serialization;

        public class LegacyJson
        {
            public T? Read<T>(string body) => new JavaScriptSerializer().Deserialize<T>(body);
        }
        """ + FrameworkStub);

    [Fact]
    public Task Ignores_a_user_type_named_like_a_formatter() => Verify.NoDiagnostic("""
        namespace Shop.Serialization
        {
            public sealed class BinaryFormatter { public object Deserialize(byte[] data) => data; }
            public static class Use { public static object Run(byte[] d) => new BinaryFormatter().Deserialize(d); }
        }
        """);

    [Fact]
    public Task Ignores_type_name_handling_read_from_configuration() => Verify.NoDiagnostic("""
        using Newtonsoft.Json;

        public static class JsonConfig
        {
            public static JsonSerializerSettings Create(TypeNameHandling configured) => new() { TypeNameHandling = configured };
        }
        """ + NewtonsoftStub);

    // ---- fix ----

    [Fact]
    public Task Fix_replaces_type_name_handling_with_none() => Verify.Fix(
        """
        using Newtonsoft.Json;

        public static class JsonConfig
        {
            public static readonly JsonSerializerSettings Settings = new() { TypeNameHandling = [|TypeNameHandling.Auto|] };
        }
        """ + NewtonsoftStub,
        """
        using Newtonsoft.Json;

        public static class JsonConfig
        {
            public static readonly JsonSerializerSettings Settings = new() { TypeNameHandling = TypeNameHandling.None };
        }
        """ + NewtonsoftStub);

    [Fact]
    public Task Fix_replaces_fully_qualified_type_name_handling() => Verify.Fix(
        """
        public static class JsonConfig
        {
            public static void Configure(Newtonsoft.Json.JsonSerializer serializer) => serializer.TypeNameHandling = [|Newtonsoft.Json.TypeNameHandling.All|];
        }
        """ + NewtonsoftStub,
        """
        public static class JsonConfig
        {
            public static void Configure(Newtonsoft.Json.JsonSerializer serializer) => serializer.TypeNameHandling = Newtonsoft.Json.TypeNameHandling.None;
        }
        """ + NewtonsoftStub);
}
