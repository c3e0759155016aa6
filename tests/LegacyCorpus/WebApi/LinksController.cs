using System;
using System.Collections.Generic;
using System.Linq;
using System.Web.Http;
using LegacyCorpus.Data;

namespace LegacyCorpus.WebApi
{
    /// <summary>Short-link and customer API (ASP.NET Web API 2).</summary>
    [Authorize]
    [RoutePrefix("api/links")]
    public class LinksController : ApiController
    {
        private static readonly Dictionary<string, string> Known = new Dictionary<string, string>
        {
            ["spring"] = "https://shop.example.co.jp/campaign/spring",
            ["help"] = "https://shop.example.co.jp/help",
        };

        [HttpGet, Route("go")]
        public IHttpActionResult Go(string url)
        {
            return Redirect(url); // vuln:PK1005 Web API redirect to a query value
        }

        [HttpGet, Route("go/{key}")]
        public IHttpActionResult GoKnown(string key)
        {
            string target;
            if (!Known.TryGetValue(key, out target))
            {
                return NotFound();
            }

            return Redirect(target); // safe:PK1005 target from a server-side table
        }

        [HttpGet, Route("out")]
        public IHttpActionResult Out(string host, string path)
        {
            return Redirect(new Uri("https://" + host + "/" + path)); // vuln:PK1005 host chosen by the caller
        }

        [HttpGet, Route("customers")]
        public IHttpActionResult Customers(string region)
        {
            using (var db = new ShopContext())
            {
                var rows = db.Database.SqlQuery<Customer>("SELECT * FROM Customers WHERE Region = '" + region + "'").ToList(); // vuln:PK1001 Web API query string into EF6 SqlQuery
                return Ok(rows);
            }
        }

        [HttpGet, Route("customers/safe")]
        public IHttpActionResult CustomersSafe(string region)
        {
            using (var db = new ShopContext())
            {
                var rows = db.Customers.Where(c => c.Region == region).ToList(); // safe:PK1001 LINQ
                return Ok(rows);
            }
        }
    }
}
