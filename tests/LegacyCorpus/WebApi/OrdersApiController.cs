using System.Collections.Generic;
using System.Web.Http;

namespace LegacyCorpus.WebApi
{
    /// <summary>Order API for the mobile app (Web API 2).</summary>
    [RoutePrefix("api/orders")]
    public class OrdersApiController : ApiController
    {
        [HttpGet, Route("{id:int}")]
        public IHttpActionResult Get(int id) // vuln:PK3002 order lookup without [Authorize]
        {
            return Ok(new { id });
        }

        [Authorize]
        [HttpGet, Route("mine")]
        public IHttpActionResult Mine() // safe:PK3002 authorised
        {
            return Ok(new List<int>());
        }

        [HttpGet, Route("stats")]
        public IHttpActionResult Stats() // vuln:PK3002 sales figures without [Authorize]
        {
            return Ok(new { orders = 0 });
        }

        [Authorize(Roles = "Staff")]
        [HttpDelete, Route("{id:int}")]
        public IHttpActionResult Delete(int id) // safe:PK3002 staff only
        {
            return Ok();
        }
    }
}
