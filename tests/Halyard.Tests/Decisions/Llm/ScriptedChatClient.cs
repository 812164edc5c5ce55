using Microsoft.Extensions.AI;

namespace Halyard.Tests.Decisions.Llm;

/// <summary>An <see cref="IChatClient"/> that answers from a script and records every request.</summary>
internal sealed class ScriptedChatClient(params Func<IReadOnlyList<ChatMessage>, CancellationToken, Task<ChatResponse>>[] script) : IChatClient
{
    private int calls;

    public List<(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options)> Requests { get; } = [];

    public static Func<IReadOnlyList<ChatMessage>, CancellationToken, Task<ChatResponse>> Reply(string text, long input = 100, long output = 20) =>
        (_, _) => Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
        {
            Usage = new UsageDetails { InputTokenCount = input, OutputTokenCount = output, TotalTokenCount = input + output },
        });

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        Requests.Add((list, options));
        var step = script[Math.Min(calls++, script.Length - 1)];
        return step(list, cancellationToken);
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
