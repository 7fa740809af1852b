using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.OpenApi;

namespace ParPlatform.ServiceDefaults.Imports;

/// <summary>
/// An import's upload read: refused whole (<see cref="Refused"/>: 413 or 415), or read, with the problems
/// of its rows (none when every row was good).
/// </summary>
public sealed record ImportUpload(ProblemHttpResult? Refused, ImportProblems Problems)
{
    /// <summary>
    /// The 400 of a file with bad rows: the first <see cref="ImportProblems.MaxListed"/> problems by row
    /// in "rows" ({row, column, reason}), how many there are in "problemCount"; <paramref name="nothingWritten"/>
    /// names what the import writes ("thủ tục", "hồ sơ").
    /// </summary>
    public ProblemHttpResult BadRows(string nothingWritten) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: $"Tệp có dòng không hợp lệ; chưa ghi {nothingWritten} nào.",
        detail: Problems.Count > ImportProblems.MaxListed
            ? $"{Problems.Count} lỗi; liệt kê {ImportProblems.MaxListed} lỗi đầu."
            : $"{Problems.Count} lỗi.",
        extensions: new Dictionary<string, object?> { ["problemCount"] = Problems.Count, ["rows"] = Problems.Listed });
}

/// <summary>
/// The upload side of an import endpoint: <see cref="AcceptsImportFile{TRow}"/> on the route, and
/// <see cref="ReadImportAsync"/> in its handler, which takes the request's body as a CSV file, a JSON
/// array or an Excel workbook (by its Content-Type) and reads it with <see cref="ImportReader"/> as it
/// arrives: a body over the endpoint's most bytes is a 413 (said by Content-Length, or found while
/// reading), another content type a 415.
/// </summary>
public static class ImportUploads
{
    public const string Csv = "text/csv";

    public const string Json = "application/json";

    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// Documents the route's body in its OpenAPI operation (a CSV text, a JSON array of <typeparamref name="TRow"/>, or an
    /// XLSX file) and its 413 and 415. In the document only: accepts metadata would have routing answer another
    /// content type with its own 415, before the handler's, which names the three.
    /// </summary>
    public static RouteHandlerBuilder AcceptsImportFile<TRow>(this RouteHandlerBuilder endpoint) =>
        endpoint.ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
            {
                var rows = await context.GetOrCreateSchemaAsync(typeof(TRow[]), null, cancellationToken);
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        [Csv] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "UTF-8, a header line naming the columns." } },
                        [Json] = new() { Schema = rows },
                        [Xlsx] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "The first worksheet, a header row naming the columns." } },
                    },
                };
            });

    /// <summary>
    /// Reads the request's body into rows of <typeparamref name="TRow"/>, calling <paramref name="onRow"/> with each good
    /// row and its number (at most <paramref name="maxRows"/>), the body being at most <paramref name="maxBytes"/>.
    /// </summary>
    public static Task<ImportUpload> ReadImportAsync<TRow>(
        this HttpRequest request, long maxBytes, int maxRows, Action<int, TRow> onRow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onRow);
        return request.ReadImportAsync<TRow>(maxBytes, maxRows, (row, value) =>
        {
            onRow(row, value);
            return ValueTask.CompletedTask;
        }, cancellationToken);
    }

    /// <summary>The same, awaiting <paramref name="onRow"/> before the next row is read: each row written on as it arrives.</summary>
    public static async Task<ImportUpload> ReadImportAsync<TRow>(
        this HttpRequest request, long maxBytes, int maxRows, Func<int, TRow, ValueTask> onRow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = maxBytes;
        if (request.ContentLength > maxBytes)
            return Refuse(TooLarge(maxBytes));
        ImportFormat? format = request.ContentType?.Split(';')[0].Trim().ToUpperInvariant() switch
        {
            "TEXT/CSV" => ImportFormat.Csv,
            "APPLICATION/JSON" => ImportFormat.Json,
            "APPLICATION/VND.OPENXMLFORMATS-OFFICEDOCUMENT.SPREADSHEETML.SHEET" => ImportFormat.Xlsx,
            _ => null,
        };
        if (format is null)
        {
            return Refuse(TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Định dạng tệp không được hỗ trợ.",
                detail: $"Gửi tệp CSV (Content-Type: {Csv}), mảng JSON (Content-Type: {Json}) hoặc tệp Excel .xlsx (Content-Type: {Xlsx})."));
        }
        try
        {
            await using var body = new LimitedStream(request.Body, maxBytes);
            return new ImportUpload(null, await ImportReader.ReadAsync(body, format.Value, maxRows, onRow, cancellationToken));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Refuse(TooLarge(maxBytes));
        }
    }

    private static ImportUpload Refuse(ProblemHttpResult answer) => new(answer, new ImportProblems());

    private static ProblemHttpResult TooLarge(long maxBytes) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Tệp quá lớn.", detail: $"Tối đa {maxBytes / 1024 / 1024} MB.");

    /// <summary>
    /// The request's body, refused with a 413 past <paramref name="maxBytes"/> (as the server does where it
    /// enforces the limit; the in-memory test server does not).
    /// </summary>
    private sealed class LimitedStream(Stream body, long maxBytes) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Count(body.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await body.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            return _read > maxBytes ? throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge) : read;
        }
    }
}
