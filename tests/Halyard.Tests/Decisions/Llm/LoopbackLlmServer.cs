using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Halyard.Tests.Decisions.Llm;

/// <summary>
/// A Kestrel server on 127.0.0.1 (port 0) that answers OpenAI chat-completion and Anthropic messages
/// requests with recorded replies, in order, and records each request body.
/// </summary>
internal sealed class LoopbackLlmServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<(int Status, string Text)> replies = new();

    private LoopbackLlmServer(WebApplication app)
    {
        this.app = app;
    }

    public ConcurrentQueue<JsonDocument> Requests { get; } = new();

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<LoopbackLlmServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new LoopbackLlmServer(app);
        app.MapPost("/v1/chat/completions", server.OpenAiAsync);
        app.MapPost("/v1/messages", server.AnthropicAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseUrl = new Uri(address);
        return server;
    }

    public void Enqueue(string text, int status = 200) => replies.Enqueue((status, text));

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task OpenAiAsync(HttpContext http)
    {
        var (status, text) = await NextAsync(http);
        var body = status == 200
            ? JsonSerializer.Serialize(new
            {
                id = "chatcmpl-loopback",
                @object = "chat.completion",
                created = 1_721_476_800,
                model = "loopback-model",
                choices = new[] { new { index = 0, message = new { role = "assistant", content = text }, finish_reason = "stop" } },
                usage = new { prompt_tokens = 1200, completion_tokens = 340, total_tokens = 1540 },
            })
            : JsonSerializer.Serialize(new { error = new { message = text, type = "rate_limit_error" } });
        await WriteAsync(http, status, body);
    }

    private async Task AnthropicAsync(HttpContext http)
    {
        var (status, text) = await NextAsync(http);
        var body = JsonSerializer.Serialize(new
        {
            id = "msg_loopback",
            type = "message",
            role = "assistant",
            model = "claude-loopback",
            content = new[] { new { type = "text", text } },
            stop_reason = "end_turn",
            stop_sequence = (string?)null,
            usage = new { input_tokens = 900, output_tokens = 210 },
        });
        await WriteAsync(http, status, body);
    }

    private async Task<(int Status, string Text)> NextAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        Requests.Enqueue(JsonDocument.Parse(await reader.ReadToEndAsync()));
        return replies.TryDequeue(out var next) ? next : (500, "no recorded reply left");
    }

    private static async Task WriteAsync(HttpContext http, int status, string body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(body);
    }
}
