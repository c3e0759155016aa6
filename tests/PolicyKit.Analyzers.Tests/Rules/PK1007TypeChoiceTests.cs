using System.Threading.Tasks;
using Verify = PolicyKit.Analyzers.Tests.Infrastructure.PolicyVerifier<PolicyKit.Analyzers.Rules.PK1007InsecureDeserializationAnalyzer>;

namespace PolicyKit.Analyzers.Tests.Rules;

/// <summary>PK1007 where the type is chosen at the deserializing call: member attributes, binders, type names from data.</summary>
public sealed class PK1007TypeChoiceTests
{
    // Json.NET is not referenced by the test project: this stub has its public shape (namespace, names, enum values).
    private const string Newtonsoft = """

        namespace Newtonsoft.Json
        {
            public enum TypeNameHandling { None = 0, Objects = 1, Arrays = 2, All = 3, Auto = 4 }
            [System.AttributeUsage(System.AttributeTargets.Property | System.AttributeTargets.Field)]
            public sealed class JsonPropertyAttribute : System.Attribute
            {
                public JsonPropertyAttribute() { }
                public JsonPropertyAttribute(string propertyName) { }
                public TypeNameHandling TypeNameHandling { get; set; }
                public TypeNameHandling ItemTypeNameHandling { get; set; }
            }
            public abstract class JsonContainerAttribute : System.Attribute { public TypeNameHandling ItemTypeNameHandling { get; set; } }
            public sealed class JsonObjectAttribute : JsonContainerAttribute { }
            public class JsonSerializerSettings
            {
                public TypeNameHandling TypeNameHandling { get; set; }
                public Newtonsoft.Json.Serialization.ISerializationBinder? SerializationBinder { get; set; }
                public int MaxDepth { get; set; }
            }
            public static class JsonConvert
            {
                public static T? DeserializeObject<T>(string value) => default;
                public static T? DeserializeObject<T>(string value, JsonSerializerSettings settings) => default;
                public static object? DeserializeObject(string value, JsonSerializerSettings settings) => null;
                public static object? DeserializeObject(string value, System.Type type) => null;
                public static string SerializeObject(object? value, JsonSerializerSettings settings) => "";
            }
        }
        namespace Newtonsoft.Json.Serialization
        {
            public interface ISerializationBinder
            {
                System.Type BindToType(string? assemblyName, string typeName);
                void BindToName(System.Type serializedType, out string? assemblyName, out string? typeName);
            }
        }
        """;

    private const string Binders = """

        public sealed class AnyTypeBinder : Newtonsoft.Json.Serialization.ISerializationBinder
        {
            public System.Type BindToType(string? assemblyName, string typeName) =>
                System.Type.GetType(typeName + ", " + assemblyName, throwOnError: true)!;
            public void BindToName(System.Type serializedType, out string? assemblyName, out string? typeName) { assemblyName = null; typeName = serializedType.FullName; }
        }

        public sealed class PrefixBinder : Newtonsoft.Json.Serialization.ISerializationBinder
        {
            public System.Type BindToType(string? assemblyName, string typeName)
            {
                if (!typeName.StartsWith("Shop.Messages.", System.StringComparison.Ordinal))
                {
                    throw new System.InvalidOperationException(typeName);
                }

                return System.Type.GetType($"{typeName}, {assemblyName}")!;
            }
            public void BindToName(System.Type serializedType, out string? assemblyName, out string? typeName) { assemblyName = null; typeName = serializedType.Name; }
        }

        public sealed class AllowListBinder : Newtonsoft.Json.Serialization.ISerializationBinder
        {
            private readonly System.Collections.Generic.Dictionary<string, System.Type> _types = new() { ["order"] = typeof(OrderLine) };
            public System.Type BindToType(string? assemblyName, string typeName) =>
                _types.TryGetValue(typeName, out var type) ? type : throw new System.InvalidOperationException(typeName);
            public void BindToName(System.Type serializedType, out string? assemblyName, out string? typeName) { assemblyName = null; typeName = serializedType.Name; }
        }

        public sealed class OrderLine { public string Sku { get; set; } = ""; public int Quantity { get; set; } }
        """;

    // ---- flagged ----

    // The attribute itself is reported where it is written (as any TypeNameHandling setting) and again at the call
    // that reads the type: the call is where the payload arrives.

    [Fact]
    public Task Flags_deserializing_a_type_whose_member_turns_on_type_names() => Verify.Analyzer("""
        using Microsoft.AspNetCore.Mvc;
        using Newtonsoft.Json;

        public sealed class Envelope
        {
            public string Id { get; set; } = "";
            [JsonProperty("body", TypeNameHandling = [|TypeNameHandling.Auto|])]
            public object? Body { get; set; }
        }

        public class InboxController : ControllerBase
        {
            [HttpPost]
            public IActionResult Receive([FromForm] string json) => Ok([|JsonConvert.DeserializeObject<Envelope>(json)|]);
        }
        """ + Newtonsoft);

    [Fact]
    public Task Flags_item_type_names_on_a_nested_member() => Verify.Analyzer("""
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Mvc;
        using Newtonsoft.Json;

        public sealed class Attachment
        {
            [JsonProperty(ItemTypeNameHandling = [|TypeNameHandling.All|])]
            public List<object> Parts { get; set; } = new();
        }

        public sealed class Mail { public List<Attachment> Attachments { get; set; } = new(); }

        public class MailController : ControllerBase
        {
            [HttpPost]
            public IActionResult Post([FromBody] string json) => Ok([|JsonConvert.DeserializeObject<Mail>(json)|]);
        }
        """ + Newtonsoft);

    [Fact]
    public Task Flags_type_name_handling_through_a_local() => Verify.Analyzer("""
        using Newtonsoft.Json;

        public static class FilterReader
        {
            public static object? Read(string filters)
            {
                var mode = TypeNameHandling.Objects;
                var settings = new JsonSerializerSettings { TypeNameHandling = [|mode|] };
                return JsonConvert.DeserializeObject<OrderLine>(filters, settings);
            }
        }
        """ + Newtonsoft + Binders);

    [Fact]
    public Task Flags_a_binder_that_resolves_any_type() => Verify.Analyzer("""
        using Newtonsoft.Json;

        public static class Reader
        {
            public static OrderLine? Read(string json) =>
                JsonConvert.DeserializeObject<OrderLine>(json, new JsonSerializerSettings { TypeNameHandling = [|TypeNameHandling.Auto|], SerializationBinder = new AnyTypeBinder() });
        }
        """ + Newtonsoft + Binders);

    [Fact]
    public Task Flags_a_binder_that_only_checks_a_namespace_prefix() => Verify.Analyzer("""
        using Newtonsoft.Json;

        public static class Reader
        {
            public static OrderLine? Read(string json)
            {
                var settings = new JsonSerializerSettings();
                settings.TypeNameHandling = [|TypeNameHandling.Objects|];
                settings.SerializationBinder = new PrefixBinder();
                return JsonConvert.DeserializeObject<OrderLine>(json, settings);
            }
        }
        """ + Newtonsoft + Binders);

    [Fact]
    public Task Flags_a_header_naming_the_type_for_json_net() => Verify.Analyzer("""
        using System;
        using Microsoft.AspNetCore.Mvc;
        using Newtonsoft.Json;

        public class EventsController : ControllerBase
        {
            [HttpPost]
            public IActionResult Post([FromHeader(Name = "X-Event")] string eventType, [FromForm] string json)
            {
                var type = Type.GetType(eventType, throwOnError: true)!;
                return Ok([|JsonConvert.DeserializeObject(json, type)|]);
            }
        }
        """ + Newtonsoft);

    [Fact]
    public Task Flags_system_text_json_with_a_type_from_the_query() => Verify.Analyzer("""
        using System;
        using System.Text.Json;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        public static class Endpoints
        {
            public static void Map(WebApplication app) =>
                app.MapPost("/import", (HttpRequest request, string kind) => [|JsonSerializer.DeserializeAsync(request.Body, Type.GetType("Shop.Import." + kind)!)|]);
        }
        """);

    [Fact]
    public Task Flags_known_types_chosen_by_the_client() => Verify.Analyzer("""
        using System;
        using System.Collections.Generic;
        using System.Runtime.Serialization;
        using Microsoft.AspNetCore.Mvc;

        public class ContractsController : ControllerBase
        {
            [HttpPost]
            public IActionResult Read([FromQuery] string[] extra)
            {
                var known = new List<Type>();
                foreach (var name in extra)
                {
                    known.Add(Type.GetType(name)!);
                }

                var serializer = [|new DataContractSerializer(typeof(Order), known)|];
                return Ok(serializer.ReadObject(Request.Body));
            }
        }

        public sealed class Order { }
        """);

    [Fact]
    public Task Flags_data_contract_json_with_a_client_type() => Verify.Analyzer("""
        using System;
        using System.Runtime.Serialization.Json;
        using Microsoft.AspNetCore.Mvc;

        public class ContractsController : ControllerBase
        {
            [HttpPost]
            public IActionResult Read([FromQuery] string contract) =>
                Ok([|new DataContractJsonSerializer(Type.GetType(contract)!)|].ReadObject(Request.Body));
        }
        """);

    [Fact]
    public Task Flags_shared_settings_read_into_an_object_member() => Verify.Analyzer("""
        using Newtonsoft.Json;

        public static class Shared
        {
            public static readonly JsonSerializerSettings Polymorphic = new() { TypeNameHandling = [|TypeNameHandling.Auto|] };
        }

        public sealed record Notice(string Kind, object? Payload);

        public sealed class NoticeReader
        {
            public Notice? Read(string body) => [|JsonConvert.DeserializeObject<Notice>(body, Shared.Polymorphic)|];
        }
        """ + Newtonsoft);

    [Fact]
    public Task Flags_activator_with_a_type_named_by_the_request() => Verify.Analyzer("""
        using System;
        using Microsoft.AspNetCore.Mvc;

        public class WidgetsController : ControllerBase
        {
            [HttpGet]
            public IActionResult Create(string widget) =>
                Ok([|Activator.CreateInstance(Type.GetType($"Shop.Widgets.{widget}, Shop")!)|]);
        }
        """);

    [Fact]
    public Task Flags_type_names_configured_for_mvc_input_formatting() => Verify.Analyzer("""
        using Microsoft.Extensions.DependencyInjection;
        using Newtonsoft.Json;

        public sealed class NewtonsoftJsonOptions { public JsonSerializerSettings SerializerSettings { get; } = new(); }

        public static class Startup
        {
            public static void Configure(IServiceCollection services) =>
                services.Configure<NewtonsoftJsonOptions>(o => o.SerializerSettings.TypeNameHandling = [|TypeNameHandling.Auto|]);

            public static void ConfigureKnown(IServiceCollection services) =>
                services.Configure<NewtonsoftJsonOptions>(o =>
                {
                    o.SerializerSettings.TypeNameHandling = TypeNameHandling.Auto;
                    o.SerializerSettings.SerializationBinder = new AllowListBinder();
                });
        }
        """ + Newtonsoft + Binders);

    // ---- near misses: silent ----

    [Fact]
    public Task Ignores_an_allow_list_binder_assigned_later_on_the_same_local() => Verify.Analyzer("""
        using Newtonsoft.Json;

        public static class Reader
        {
            public static OrderLine? Read(string json)
            {
                var settings = new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.Auto };
                settings.SerializationBinder = new AllowListBinder();
                return JsonConvert.DeserializeObject<OrderLine>(json, settings);
            }
        }
        """ + Newtonsoft + Binders);

    [Fact]
    public Task Ignores_settings_that_only_serialize() => Verify.Analyzer("""
        using Newtonsoft.Json;

        public static class Writer
        {
            public static string Inline(OrderLine line) =>
                JsonConvert.SerializeObject(line, new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.All });

            public static string Local(OrderLine line)
            {
                var settings = new JsonSerializerSettings();
                settings.TypeNameHandling = TypeNameHandling.Auto;
                return JsonConvert.SerializeObject(line, settings);
            }
        }
        """ + Newtonsoft + Binders);

    [Fact]
    public Task Flags_settings_used_for_writing_and_reading() => Verify.Analyzer("""
        using Newtonsoft.Json;

        public static class RoundTrip
        {
            public static OrderLine? Copy(OrderLine line)
            {
                var settings = new JsonSerializerSettings { TypeNameHandling = [|TypeNameHandling.All|] };
                var json = JsonConvert.SerializeObject(line, settings);
                return JsonConvert.DeserializeObject<OrderLine>(json, settings);
            }
        }
        """ + Newtonsoft + Binders);

    [Fact]
    public Task Ignores_members_without_type_names_and_types_from_the_program() => Verify.Analyzer("""
        using System;
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Mvc;
        using Newtonsoft.Json;

        public sealed class Plain
        {
            [JsonProperty("id")]
            public string Id { get; set; } = "";
            [JsonProperty(TypeNameHandling = TypeNameHandling.None)]
            public object? Extra { get; set; }
        }

        public class ReadController : ControllerBase
        {
            private static readonly Dictionary<string, Type> Types = new() { ["plain"] = typeof(Plain) };

            [HttpPost]
            public IActionResult ReadPlain([FromForm] string json) => Ok(JsonConvert.DeserializeObject<Plain>(json));

            [HttpPost]
            public IActionResult Known([FromForm] string kind, [FromForm] string json) =>
                Types.TryGetValue(kind, out var type) ? Ok(JsonConvert.DeserializeObject(json, type)) : BadRequest();

            [HttpPost]
            public IActionResult Own([FromForm] string json) =>
                Ok(JsonConvert.DeserializeObject(json, Type.GetType(typeof(Plain).AssemblyQualifiedName!)!));

            [HttpPost]
            public IActionResult Fixed([FromForm] string json) =>
                Ok(System.Text.Json.JsonSerializer.Deserialize(json, typeof(Plain)));
        }
        """ + Newtonsoft);

    [Fact]
    public Task Ignores_shared_settings_with_an_allow_list_binder() => Verify.Analyzer("""
        using Newtonsoft.Json;

        public static class Shared
        {
            public static readonly JsonSerializerSettings Polymorphic = new() { TypeNameHandling = TypeNameHandling.Auto, SerializationBinder = new AllowListBinder() };
        }

        public sealed record Notice(string Kind, object? Payload);

        public sealed class NoticeReader
        {
            public Notice? Read(string body) => JsonConvert.DeserializeObject<Notice>(body, Shared.Polymorphic);
        }
        """ + Newtonsoft + Binders);

    [Fact]
    public Task Ignores_declared_known_types_and_activator_with_program_types() => Verify.Analyzer("""
        using System;
        using System.Runtime.Serialization;
        using Microsoft.AspNetCore.Mvc;

        public class ContractsController : ControllerBase
        {
            [HttpPost]
            public IActionResult Read() =>
                Ok(new DataContractSerializer(typeof(Order), new[] { typeof(Order), typeof(Refund) }).ReadObject(Request.Body));

            [HttpGet]
            public IActionResult Make() => Ok(Activator.CreateInstance(typeof(Order)));

            [HttpGet]
            public IActionResult Named() => Ok(Activator.CreateInstance(Type.GetType("Shop.Order, Shop")!));
        }

        public sealed class Order { }

        public sealed class Refund { }
        """);
}
