using System.Buffers;
using System.Text.Json;

namespace Halyard.Journal;

/// <summary>
/// One writer's reusable buffer for its lines: a record is serialized into it (the same bytes as
/// <see cref="JournalJson.SerializeLine"/>) instead of into a new array copied into another one per record.
/// Used under the owning journal's lock; a buffer grown past <see cref="KeepCapacity"/> by a large record
/// (a full prompt) is let go after it.
/// </summary>
internal sealed class LineBuffer
{
    private const int KeepCapacity = 64 * 1024;
    private const int InitialCapacity = 8 * 1024;

    private ArrayBufferWriter<byte> _buffer = new(InitialCapacity);
    private Utf8JsonWriter? _writer;

    /// <summary>The record as one UTF-8 JSON line ending in <c>\n</c>; valid until the next call.</summary>
    public ReadOnlyMemory<byte> Write(DecisionCycleRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (_buffer.Capacity > KeepCapacity)
        {
            _buffer = new ArrayBufferWriter<byte>(InitialCapacity);
            _writer = null;
        }

        _buffer.ResetWrittenCount();
        if (_writer is null)
        {
            _writer = new Utf8JsonWriter(_buffer, JournalJson.WriterOptions);
        }
        else
        {
            _writer.Reset(_buffer);
        }

        JournalJson.Write(_writer, record);
        _writer.Flush();
        _buffer.GetSpan(1)[0] = (byte)'\n';
        _buffer.Advance(1);
        return _buffer.WrittenMemory;
    }
}
