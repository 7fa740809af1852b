using System.Text;
using System.Text.Json;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;

// "Imports" is a keyword of Visual Basic only; the platform is C#, and the folder and the issue call the kit so.
[assembly: System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716:Identifiers should not match keywords",
    Scope = "namespace", Target = "~N:ParPlatform.ServiceDefaults.Imports", Justification = "C# only")]

namespace ParPlatform.ServiceDefaults.Imports;

public enum ImportFormat
{
    /// <summary>Comma-separated text (UTF-8) with a header line naming the columns.</summary>
    Csv,

    /// <summary>A JSON array of objects whose properties are the columns.</summary>
    Json,

    /// <summary>An Excel workbook (.xlsx): its first worksheet, with a header row naming the columns.</summary>
    Xlsx,
}

/// <summary>
/// Reads an import file into rows of a row type, handing each good row to the caller as it is read, so
/// that the file itself is never held in memory: CSV record by record, JSON item by item, XLSX row by row
/// (from a temporary copy of the file when the stream cannot seek, deleted after; its shared strings are
/// held while it is read). Every bad row, header or cell is a problem naming its row as the
/// person sees it, its column and why: a column the row type does not have, named twice, or required and
/// missing (the header's row); a CSV line with more or fewer cells than the header; a cell that does not
/// convert; a JSON item that is not an object; a file with no rows, or more than the caller takes (those
/// past the most are only counted). A file that cannot be read on (JSON syntax, a damaged workbook, a CSV
/// record of over a million characters: a quote never closed) ends with a problem saying where (a JSON
/// file: the line and position in its reason).
/// <para>
/// A row type is a record whose public constructor's parameters are its columns, named in camelCase as
/// JSON names properties ("TimeLimit" is "timeLimit") unless <see cref="ColumnNameAttribute"/> names it, each a string or a nullable int, long, decimal, bool,
/// DateTimeOffset (ISO 8601 with an offset, or Vietnam time without one) or DateOnly (2025-12-03); an empty
/// cell is null, and a value the domain names (an enum) stays a string for the domain to read.
/// <see cref="RequiredColumnAttribute"/> marks the columns a header must name.
/// </para>
/// </summary>
public static class ImportReader
{
    /// <summary>
    /// Reads <paramref name="file"/> to its end (or to a problem of its header), calling <paramref name="onRow"/>
    /// with each good row and its number (at most <paramref name="maxRows"/> of them), and returns the problems.
    /// </summary>
    public static Task<ImportProblems> ReadAsync<TRow>(
        Stream file, ImportFormat format, int maxRows, Action<int, TRow> onRow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onRow);
        return ReadAsync<TRow>(file, format, maxRows, (row, value) =>
        {
            onRow(row, value);
            return ValueTask.CompletedTask;
        }, cancellationToken);
    }

    /// <summary>The same, awaiting <paramref name="onRow"/> before the next row is read (a row written on as it arrives).</summary>
    public static async Task<ImportProblems> ReadAsync<TRow>(
        Stream file, ImportFormat format, int maxRows, Func<int, TRow, ValueTask> onRow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(onRow);
        var reading = new Reading<TRow>(maxRows, onRow);
        switch (format)
        {
            case ImportFormat.Csv:
                await reading.CsvAsync(file, cancellationToken);
                break;
            case ImportFormat.Json:
                await reading.JsonAsync(file, cancellationToken);
                break;
            case ImportFormat.Xlsx:
                await reading.XlsxAsync(file, cancellationToken);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, null);
        }
        return reading.Problems;
    }

    private sealed class Reading<TRow>(int maxRows, Func<int, TRow, ValueTask> onRow)
    {
        private readonly ImportRowType _type = ImportRowType.Of<TRow>();
        private int _rows;
        private int _firstRowOver;

        public ImportProblems Problems { get; } = new();

        public async Task CsvAsync(Stream file, CancellationToken cancellationToken)
        {
            using var text = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
            await using var records = CsvRecords.ReadAsync(text, cancellationToken).GetAsyncEnumerator(cancellationToken);
            try
            {
                if (!await records.MoveNextAsync())
                {
                    Problems.Add(1, null, "Tệp trống: dòng đầu phải là tên các cột.");
                    return;
                }
                var header = records.Current;
                var columns = Header(header.Line, [.. header.Fields.Select(f => f.Trim())]);
                if (columns is null)
                    return;
                while (await records.MoveNextAsync())
                {
                    var record = records.Current;
                    if (!Take(record.Line))
                        continue;
                    if (record.Fields.Count != columns.Length)
                        Problems.Add(record.Line, null, $"Dòng có {record.Fields.Count} ô, tiêu đề có {columns.Length} cột.");
                    else
                        await DeliverAsync(record.Line, columns, [.. record.Fields.Select(f => f.Trim())]);
                }
                End(header.Line + 1);
            }
            catch (CsvRecordTooLongException e)
            {
                Problems.Add(e.Line, null, e.Message);
            }
        }

        public async Task JsonAsync(Stream file, CancellationToken cancellationToken)
        {
            var item = 0;
            try
            {
                await foreach (var element in JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(file, cancellationToken: cancellationToken))
                {
                    item++;
                    if (!Take(item))
                        continue;
                    if (element.ValueKind != JsonValueKind.Object)
                    {
                        Problems.Add(item, null, "Mỗi phần tử phải là một đối tượng.");
                        continue;
                    }
                    var cells = new string?[_type.Columns.Count];
                    var known = true;
                    foreach (var property in element.EnumerateObject())
                    {
                        var index = _type.IndexOf(property.Name);
                        if (index < 0)
                        {
                            Problems.Add(item, property.Name, $"Trường không có trong mẫu; các trường là: {string.Join(", ", _type.Columns)}.");
                            known = false;
                        }
                        else
                        {
                            // Numbers and true/false as their text.
                            cells[index] = property.Value.ValueKind switch
                            {
                                JsonValueKind.String => property.Value.GetString()!.Trim(),
                                JsonValueKind.Null => null,
                                _ => property.Value.GetRawText(),
                            };
                        }
                    }
                    if (known)
                        await DeliverAsync(item, cells);
                }
                End(1);
            }
            catch (JsonException e)
            {
                // Items are parsed a buffer at a time and handed on after: the problem's row is the first item not read.
                Problems.Add(item + 1, null, $"Tệp JSON không đọc được ở dòng {e.LineNumber + 1}, vị trí {e.BytePositionInLine + 1}: "
                    + "tệp phải là một mảng các đối tượng [{…}, …] đúng cú pháp JSON.");
            }
        }

        public async Task XlsxAsync(Stream file, CancellationToken cancellationToken)
        {
            // A workbook is a zip, read from its end: a stream that cannot seek is copied to a file first.
            await using var copy = file.CanSeek ? null : new FileStream(
                Path.Combine(Path.GetTempPath(), $"parplatform-import-{Guid.NewGuid():N}.xlsx"), FileMode.CreateNew, FileAccess.ReadWrite,
                FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            if (copy is not null)
            {
                await file.CopyToAsync(copy, cancellationToken);
                copy.Position = 0;
            }
            try
            {
                using var document = SpreadsheetDocument.Open(copy ?? file, isEditable: false);
                await XlsxAsync(document, cancellationToken);
            }
            catch (Exception e) when (e is InvalidDataException or XmlException or OpenXmlPackageException or FileFormatException)
            {
                Problems.Add(1, null, "Tệp Excel không đọc được: không phải tệp .xlsx, hoặc tệp bị hỏng.");
            }
        }

        private async Task XlsxAsync(SpreadsheetDocument document, CancellationToken cancellationToken)
        {
            using var rows = XlsxRows.Read(document).GetEnumerator();
            if (!rows.MoveNext())
            {
                Problems.Add(1, null, "Tệp trống: dòng đầu phải là tên các cột.");
                return;
            }
            var (headerRow, headerCells) = rows.Current;
            var width = Array.FindLastIndex(headerCells, c => c is not null) + 1;
            var columns = Header(headerRow, [.. headerCells.Take(width).Select(c => c ?? "")]);
            if (columns is null)
                return;
            while (rows.MoveNext())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (row, cells) = rows.Current;
                if (!Take(row))
                    continue;
                if (Array.FindLastIndex(cells, c => c is not null) >= width)
                    Problems.Add(row, null, $"Dòng có ô ngoài {width} cột của tiêu đề.");
                else
                    await DeliverAsync(row, columns, cells);
            }
            End(headerRow + 1);
        }

        /// <summary>
        /// The index in the row type of each of the header's columns, or null after adding the header's
        /// problems: a column the row type does not have, one named twice, a required one missing.
        /// </summary>
        private int[]? Header(int row, List<string> names)
        {
            var before = Problems.Count;
            foreach (var unknown in names.Where(n => _type.IndexOf(n) < 0))
                Problems.Add(row, unknown, $"Cột không có trong mẫu; các cột là: {string.Join(", ", _type.Columns)}.");
            foreach (var repeated in names.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1))
                Problems.Add(row, repeated.Key, $"Cột có {repeated.Count()} lần trong tiêu đề; mỗi cột chỉ một lần.");
            foreach (var missing in _type.RequiredColumns.Where(c => !names.Contains(c)))
                Problems.Add(row, missing, "Thiếu cột bắt buộc.");
            return Problems.Count > before ? null : [.. names.Select(_type.IndexOf)];
        }

        /// <summary>Counts a data row: false past the most rows taken (it is then only counted).</summary>
        private bool Take(int row)
        {
            if (++_rows <= maxRows)
                return true;
            if (_rows == maxRows + 1)
                _firstRowOver = row;
            return false;
        }

        /// <summary>A row of cells in the header's order (up to its width).</summary>
        private ValueTask DeliverAsync(int row, int[] columns, string?[] cells)
        {
            var byColumn = new string?[_type.Columns.Count];
            for (var i = 0; i < columns.Length && i < cells.Length; i++)
                byColumn[columns[i]] = cells[i];
            return DeliverAsync(row, byColumn);
        }

        private ValueTask DeliverAsync(int row, string?[] cells) =>
            _type.Create(row, cells, Problems) is TRow value ? onRow(row, value) : ValueTask.CompletedTask;

        private void End(int firstDataRow)
        {
            if (_rows == 0)
                Problems.Add(firstDataRow, null, "Tệp không có dòng dữ liệu nào.");
            else if (_rows > maxRows)
                Problems.Add(_firstRowOver, null, $"Tệp có {_rows} dòng; mỗi lần nhập tối đa {maxRows} dòng.");
        }
    }
}
