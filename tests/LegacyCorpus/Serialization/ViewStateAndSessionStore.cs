using System;
using System.IO;
using System.Runtime.Serialization;
using System.Runtime.Serialization.Formatters.Binary;
using System.Runtime.Serialization.Formatters.Soap;
using System.Web;
using System.Web.Script.Serialization;
using System.Web.UI;
using Newtonsoft.Json;

namespace LegacyCorpus.Serialization
{
    [Serializable]
    public class Basket
    {
        public string[] Skus { get; set; }
        public decimal Total { get; set; }
    }

    /// <summary>Basket state carried in cookies, hidden fields and the query string (the .NET Framework way).</summary>
    public class BasketStateStore
    {
        private readonly HttpContextBase _context;

        public BasketStateStore(HttpContextBase context)
        {
            _context = context;
        }

        public Basket FromCookie()
        {
            var bytes = Convert.FromBase64String(_context.Request.Cookies["basket"].Value);
            using (var stream = new MemoryStream(bytes))
            {
                return (Basket)new BinaryFormatter().Deserialize(stream); // vuln:PK1007 BinaryFormatter on a cookie
            }
        }

        public string ToCookieValue(Basket basket)
        {
            using (var stream = new MemoryStream())
            {
                new BinaryFormatter().Serialize(stream, basket); // safe:PK1007 serialising is not the attack surface
                return Convert.ToBase64String(stream.ToArray());
            }
        }

        public Basket FromHiddenField()
        {
            var formatter = new LosFormatter();
            return (Basket)formatter.Deserialize(_context.Request.Form["__BASKET"]); // vuln:PK1007 LosFormatter without a MAC key
        }

        public Basket FromObjectState()
        {
            var formatter = new ObjectStateFormatter();
            return (Basket)formatter.Deserialize(_context.Request.Form["state"]); // vuln:PK1007 ObjectStateFormatter on posted data
        }

        public Basket FromJsonTyped()
        {
            var serializer = new JavaScriptSerializer(new SimpleTypeResolver()); // vuln:PK1007 SimpleTypeResolver honours __type
            return serializer.Deserialize<Basket>(_context.Request.Form["basket"]);
        }

        public Basket FromJsonPlain()
        {
            var serializer = new JavaScriptSerializer(); // safe:PK1007 no type resolver
            return serializer.Deserialize<Basket>(_context.Request.Form["basket"]);
        }

        public Basket FromSoap(Stream body)
        {
            var formatter = new SoapFormatter();
            return (Basket)formatter.Deserialize(body); // vuln:PK1007 SoapFormatter on the request body
        }

        public Basket FromNetDataContract(Stream body)
        {
            var serializer = new NetDataContractSerializer();
            return (Basket)serializer.ReadObject(body); // vuln:PK1007 NetDataContractSerializer embeds type names
        }

        public Basket FromDataContract(Stream body)
        {
            var serializer = new DataContractSerializer(typeof(Basket));
            return (Basket)serializer.ReadObject(body); // safe:PK1007 known type only
        }

        public Basket FromNewtonsoftTyped(string json)
        {
            var settings = new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.All }; // vuln:PK1007 Json.NET type names from the payload
            return JsonConvert.DeserializeObject<Basket>(json, settings);
        }

        public Basket FromNewtonsoftPlain(string json)
        {
            var settings = new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.None }; // safe:PK1007 no type names
            return JsonConvert.DeserializeObject<Basket>(json, settings);
        }

        public Basket FromJsonConvert(string json)
        {
            return JsonConvert.DeserializeObject<Basket>(json); // safe:PK1007 defaults
        }

        public string ToLosString(Basket basket)
        {
            var writer = new StringWriter();
            new LosFormatter().Serialize(writer, basket); // safe:PK1007 serialising only
            return writer.ToString();
        }
    }
}
