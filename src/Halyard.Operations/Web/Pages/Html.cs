using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Halyard.Operations.Web.Pages;

/// <summary>Small helpers for server-rendered HTML: every text goes through <see cref="E"/>.</summary>
internal static class Html
{
    public static string E(string? text) => HtmlEncoder.Default.Encode(text ?? string.Empty);

    public static string Usd(decimal? value) => value is { } v ? v.ToString("N2", CultureInfo.InvariantCulture) : "–";

    public static string Num(decimal? value) => value is { } v ? v.ToString("0.########", CultureInfo.InvariantCulture) : "–";

    public static string Pct(decimal? value) => value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) + " %" : "–";

    public static string D(double? value, string format = "0.00") => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "–";

    public static string Time(DateTimeOffset? t) => t is { } v ? v.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "–";

    public static string Signed(decimal? value) => value switch
    {
        > 0m => "pos",
        < 0m => "neg",
        _ => string.Empty,
    };

    /// <summary>The whole page: head with the inline style, the nav, the body, and the live-update script.</summary>
    public static string Page(string title, string source, string body, bool live)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(title)).Append(" · Halyard</title>");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><style>").Append(Style).Append("</style></head><body>");
        sb.Append("<header><a class=\"brand\" href=\"/\">Halyard</a><span class=\"src\">").Append(E(source)).Append("</span>");
        sb.Append(live ? "<span class=\"badge live\">live</span>" : "<span class=\"badge\">read-only</span>");
        sb.Append("<span id=\"updated\" class=\"muted\"></span></header><div id=\"message\" class=\"msg\" style=\"display:none\"></div><main id=\"live\">").Append(body).Append("</main>");
        sb.Append("<script>").Append(Script).Append("</script></body></html>");
        return sb.ToString();
    }

    private const string Style = """
        body{font:14px/1.4 system-ui,sans-serif;margin:0;background:#f6f7f9;color:#1d2430}
        header{display:flex;gap:12px;align-items:center;padding:10px 20px;background:#14213d;color:#fff}
        header a{color:#fff;text-decoration:none}.brand{font-weight:700;font-size:18px}
        .src{opacity:.85}.badge{padding:2px 8px;border-radius:10px;background:#52606d;font-size:12px}.live{background:#2a9d8f}
        main{padding:16px 20px;max-width:1400px}
        h2{font-size:16px;margin:18px 0 8px}
        table{border-collapse:collapse;background:#fff;width:100%;margin-bottom:10px}
        th,td{padding:5px 8px;border-bottom:1px solid #e3e6ea;text-align:right;white-space:nowrap}
        th:first-child,td:first-child{text-align:left}
        th{background:#eef1f5;font-weight:600}
        .pos{color:#1a7f37}.neg{color:#c62828}.muted{color:#7b8794;font-size:12px}
        .card{background:#fff;border:1px solid #e3e6ea;border-radius:6px;padding:10px;margin-bottom:12px}
        details{background:#fff;border:1px solid #e3e6ea;border-radius:6px;margin:6px 0;padding:6px 10px}
        details summary{cursor:pointer}
        pre{white-space:pre-wrap;background:#f3f4f6;padding:8px;border-radius:4px;max-height:320px;overflow:auto}
        .rej{color:#c62828;font-weight:600}.acc{color:#1a7f37}.adj{color:#b7791f}
        button{padding:4px 10px;border:1px solid #9aa5b1;border-radius:4px;background:#fff;cursor:pointer}
        button.danger{border-color:#c62828;color:#c62828}
        form.filters{display:flex;gap:10px;align-items:center;margin-bottom:8px}
        .msg{padding:8px;border-radius:4px;background:#e8f5e9;margin:8px 20px}
        """;

    // Live updates without reloading: every 3 s the page's own URL is fetched and #live replaced, keeping
    // open <details> open. Controls POST with a confirmation and the X-Halyard-Action header.
    private const string Script = """
        (function(){
          async function refresh(){
            try{
              const r=await fetch(location.href,{headers:{'X-Halyard-Fragment':'1'}});
              if(!r.ok)return;
              const open=[...document.querySelectorAll('details[open]')].map(d=>d.id);
              document.getElementById('live').innerHTML=await r.text();
              open.forEach(id=>{const d=document.getElementById(id);if(d)d.open=true;});
              document.getElementById('updated').textContent='updated '+new Date().toLocaleTimeString();
            }catch(e){}
          }
          setInterval(refresh,3000);
          document.addEventListener('click',async function(ev){
            const b=ev.target.closest('button[data-action]');
            if(!b)return;
            if(!confirm(b.dataset.confirm))return;
            const r=await fetch(b.dataset.action,{method:'POST',headers:{'X-Halyard-Action':'dashboard'}});
            const j=await r.json().catch(()=>({detail:r.statusText}));
            const m=document.getElementById('message');
            if(m){m.textContent=(j.ok?'Done: ':'Failed: ')+j.action+' '+j.target+': '+j.detail;m.style.display='block';}
            refresh();
          });
        })();
        """;
}
