using System.Globalization;
using System.Net.Http.Headers;
using System.Reflection;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Npgsql;
using ParPlatform.ServiceDefaults.Tenancy;

namespace ParPlatform.TestSupport;

/// <summary>
/// One malformed request. <paramref name="Route"/> is the same route with well-formed values, which
/// decides the callers that pass the tenant check; <paramref name="Field"/> is the field its answer must
/// name (a 400 ValidationProblem with that key in "errors"), or null when only "not a 5xx" is checked.
/// </summary>
public sealed record MalformedRequest(string Method, string Path, string Route, string? ContentType, string? Body, string? Field)
{
    public override string ToString() => $"{Method} {Short(Path)} {ContentType} {Short(Body)}".TrimEnd();

    internal static string Short(string? text) => text is { Length: > 120 } ? $"{text[..100]}…({text.Length} chars)" : text ?? "";
}

/// <summary>
/// Walks every endpoint of a running service (its <see cref="EndpointDataSource"/>, so a new route is
/// covered without a change here) with malformed requests: JSON bodies of the wrong shape (array, null,
/// bare string, number, {}, and for each property of the handler's body type a value of the wrong JSON
/// type), garbage and empty CSV and XLSX files, unreadable forms, junk for each query parameter, and route
/// values that do not fit.
/// </summary>
public static class MalformedRequests
{
    /// <summary>The title of the platform's 400 ValidationProblem (ApiProblems.Invalid).</summary>
    public const string InvalidTitle = "Dữ liệu gửi lên không hợp lệ.";

    private static readonly string[] QueryJunk =
        ["999999999999", "-99999999999999999999", "abc", "1e309", "2026-13-45", "00000000-0000-0000-0000-00000000000g", "true false", "\0",
         new string('9', 3000), "Tâm Thành ✓ 😀", ""];

    /// <summary>The content types of an import's files besides JSON (ServiceDefaults' ImportUploads): CSV and XLSX.</summary>
    private static readonly string[] FileTypes = ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"];

    // A path with %00 never reaches the app: Kestrel refuses it (400), and so does the test server's client.
    private static readonly string[] RouteJunk = ["\u0001\u007f", "%", new string('x', 3000), "Tâm Thành ✓ 😀", "-1", "99999999999999999999", " ", "'; --"];

    /// <summary>
    /// The malformed requests for every endpoint of <paramref name="services"/>; route parameters get
    /// <paramref name="routeValues"/> (by name) or, not named there, a value their constraint accepts.
    /// </summary>
    public static List<MalformedRequest> For(IServiceProvider services, IReadOnlyDictionary<string, string> routeValues)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(routeValues);
        var requests = new List<MalformedRequest>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern;
            var values = pattern.Parameters.ToDictionary(p => p.Name, p => routeValues.GetValueOrDefault(p.Name) ?? ValueFitting(p));
            var route = PathOf(pattern, values);
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var handler = endpoint.Metadata.GetMetadata<MethodInfo>();
            var accepts = endpoint.Metadata.GetMetadata<IAcceptsMetadata>();
            var query = handler?.GetParameters()
                .Where(p => IsSimple(p.ParameterType) && !values.Keys.Contains(p.Name, StringComparer.OrdinalIgnoreCase))
                .ToList() ?? [];
            foreach (var method in methods)
            {
                MalformedRequest Request(string path, string? contentType = null, string? body = null, string? field = null) =>
                    new(method, path, route, contentType, body, field);

                foreach (var parameter in query)
                {
                    foreach (var junk in QueryJunk)
                    {
                        var field = junk.Contains('\0', StringComparison.Ordinal) || !Parses(parameter.ParameterType, junk) ? parameter.Name : null;
                        requests.Add(Request($"{route}?{parameter.Name}={Uri.EscapeDataString(junk)}", field: field));
                    }
                }
                foreach (var parameter in pattern.Parameters)
                {
                    foreach (var junk in RouteJunk)
                        requests.Add(Request(PathOf(pattern, new Dictionary<string, string>(values) { [parameter.Name] = junk })));
                }
                if (method is "GET" or "HEAD" or "OPTIONS")
                    continue;

                var bodyType = accepts?.RequestType;
                var root = bodyType is null ? null : "$";
                requests.Add(Request(route, "application/json", "[]", root));
                requests.Add(Request(route, "application/json", "\"text\"", root));
                requests.Add(Request(route, "application/json", "12345", root));
                requests.Add(Request(route, "application/json", "true", root));
                requests.Add(Request(route, "application/json", "null", accepts is { IsOptional: false } ? root : null));
                requests.Add(Request(route, "application/json", "", accepts is { IsOptional: false } ? root : null));
                requests.Add(Request(route, "application/json", "{}"));
                requests.Add(Request(route, "application/json", "{\"a\":"));
                if (bodyType is not null && !IsSimple(bodyType) && ElementOf(bodyType) is null)
                {
                    foreach (var (json, path) in WrongShapes(bodyType, depth: 0))
                        requests.Add(Request(route, "application/json", json!.ToJsonString(), path.TrimStart('.')));
                    foreach (var property in JsonProperties(bodyType))
                        requests.Add(Request(route, "application/json", $"{{\"{property.Name}\":null}}"));
                }
                // Bytes that are no file of the kind, as the files an import takes besides JSON.
                foreach (var contentType in FileTypes)
                {
                    requests.Add(Request(route, contentType, "PK\u0003\u0004\u0014\u0000 không phải tệp ✓ \u0000\u00ff\r\n\"a,\"\"b"));
                    requests.Add(Request(route, contentType, ""));
                }
                requests.Add(Request(route, "text/plain", "x"));
                requests.Add(Request(route, "application/x-www-form-urlencoded", string.Join('&', Enumerable.Range(0, 2000).Select(i => $"k{i}=v"))));
                requests.Add(Request(route, "application/x-www-form-urlencoded", new string('k', 3000) + "=v"));
                requests.Add(Request(route, "application/x-www-form-urlencoded", "a=%%%&b=%zz&=&&c"));
                requests.Add(Request(route, "multipart/form-data", "x"));
                requests.Add(Request(route, "multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data\r\n\r\nx"));
            }
        }
        return requests;
    }

    /// <summary>
    /// Sends each request once, with one of the <paramref name="clients"/> (each carrying a bearer token)
    /// whose caller the tenant rule lets through the request's well-formed route (taking turns, so every
    /// such role is used), and returns what went wrong: every 5xx, and every answer that is not the 400
    /// naming <see cref="MalformedRequest.Field"/>.
    /// </summary>
    public static async Task<List<string>> FailuresAsync(IReadOnlyList<MalformedRequest> requests, IReadOnlyList<HttpClient> clients, string unitProvince)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(clients);
        var callers = clients.Select(client => (Caller: CallerOf(client), Client: client)).ToList();
        var failures = new string?[requests.Count];
        // One route's requests one after another (what is tested is bad input, not two writes racing), routes side by side.
        var routes = Enumerable.Range(0, requests.Count).GroupBy(i => (requests[i].Method, requests[i].Route));
        await Parallel.ForEachAsync(routes, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (route, ct) =>
        {
            foreach (var i in route)
                failures[i] = await FailureAsync(requests[i], i, callers, unitProvince, ct);
        });
        return [.. failures.OfType<string>()];
    }

    /// <summary>What went wrong with <paramref name="request"/>, or null when its answer is right.</summary>
    private static async Task<string?> FailureAsync(
        MalformedRequest request, int index, List<(Caller Caller, HttpClient Client)> callers, string unitProvince, CancellationToken ct)
    {
        var route = TenantRoute.Parse(new PathString(request.Route));
        var allowed = callers.Where(c => route is null ||
            TenantAccess.Decide(c.Caller, route, TenantAccess.IsWrite(request.Method), unitProvince) == AccessDecision.Allow).ToList();
        var caller = allowed.Count > 0 ? allowed[index % allowed.Count] : callers[0];
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(request.Path, UriKind.Relative));
        if (request.ContentType is not null)
        {
            message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(request.Body ?? ""));
            message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
        }
        using var response = await caller.Client.SendAsync(message, ct);
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync(ct);
        var who = $"as {caller.Caller.Role}";
        if (status >= 500)
            return $"{status} {request} {who}: {MalformedRequest.Short(body)}";
        if (request.Field is { } field && !NamesField(response.Content.Headers.ContentType, status, body, field))
            return $"{status}, not a 400 naming \"{field}\": {request} {who}: {body}";
        return null;
    }

    /// <summary>Who the tenant rule sees in the bearer token <paramref name="client"/> carries.</summary>
    private static Caller CallerOf(HttpClient client)
    {
        var token = client.DefaultRequestHeaders.Authorization?.Parameter
            ?? throw new ArgumentException("Each client carries a bearer token.", nameof(client));
        return Caller.From(new ClaimsPrincipal(new ClaimsIdentity(new JsonWebToken(token).Claims)))
            ?? throw new ArgumentException("The token names no caller.", nameof(client));
    }

    /// <summary>The number of rows of each table, every tenant's rows in reach (to show that nothing was written).</summary>
    public static async Task<Dictionary<string, long>> CountRowsAsync(string connectionString, params string[] tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var all = new NpgsqlCommand("SELECT set_config('parplatform.all_tenants', 'on', false)", connection))
            await all.ExecuteNonQueryAsync();
        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
#pragma warning disable CA2100 // the test's own table names
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
#pragma warning restore CA2100
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }
        return counts;
    }

    private static bool NamesField(MediaTypeHeaderValue? contentType, int status, string body, string field)
    {
        if (status != StatusCodes.Status400BadRequest || contentType?.MediaType != "application/problem+json")
            return false;
        using var problem = JsonDocument.Parse(body);
        return problem.RootElement.TryGetProperty("title", out var title) && title.GetString() == InvalidTitle &&
               problem.RootElement.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _);
    }

    private static string PathOf(RoutePattern pattern, Dictionary<string, string> values) =>
        "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => Uri.EscapeDataString(values[parameter.Name]),
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "",
        }))));

    private static string ValueFitting(RoutePatternParameterPart parameter)
    {
        var constraints = parameter.ParameterPolicies.Select(p => p.Content).ToList();
        if (constraints.Contains("guid"))
            return "0193a6f4-0000-7000-8000-000000000001";
        return constraints.Contains("int") || constraints.Contains("long") ? "2026" : "x";
    }

    /// <summary>A type minimal APIs bind from a route or query value: string, or one with a static TryParse.</summary>
    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(string) || t.IsEnum || TryParseOf(t) is not null;
    }

    private static MethodInfo? TryParseOf(Type type) =>
        type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), typeof(IFormatProvider), type.MakeByRefType()]) ??
        type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), type.MakeByRefType()]);

    /// <summary>Whether minimal APIs would bind <paramref name="value"/> to a parameter of <paramref name="type"/>.</summary>
    private static bool Parses(Type type, string value)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string))
            return true;
        if (t.IsEnum)
            return Enum.TryParse(t, value, ignoreCase: true, out _);
        var tryParse = TryParseOf(t)!;
        object?[] arguments = tryParse.GetParameters().Length == 3 ? [value, CultureInfo.InvariantCulture, null] : [value, null];
        return (bool)tryParse.Invoke(null, arguments)!;
    }

    private static Type? ElementOf(Type type)
    {
        if (type == typeof(string))
            return null;
        if (type.IsArray)
            return type.GetElementType();
        return type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
    }

    private static IEnumerable<(string Name, Type Type)> JsonProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .Select(p => (p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name), p.PropertyType));

    /// <summary>
    /// JSON values of the wrong type for <paramref name="type"/>, each with its path below the value
    /// (".code", ".unitCodes[0]", ".q1.start.month"; "" for the value itself): a number for a text, a
    /// text for a number or a flag, an array for an enum, and inside lists and objects the same again.
    /// </summary>
    private static IEnumerable<(JsonNode? Json, string Path)> WrongShapes(Type type, int depth)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string) || t == typeof(Guid) || t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(TimeOnly))
        {
            yield return (12345, "");
        }
        else if (t.IsEnum)
        {
            yield return (new JsonArray(), "");
        }
        else if (t == typeof(bool))
        {
            yield return ("x", "");
        }
        else if (t.IsPrimitive || t == typeof(decimal))
        {
            yield return ("x", "");
            yield return (JsonNode.Parse("1e400"), ""); // beyond every number type
        }
        else if (ElementOf(t) is { } element)
        {
            yield return ("x", "");
            if (depth < 3)
            {
                foreach (var (json, path) in WrongShapes(element, depth + 1))
                    yield return (new JsonArray(json), "[0]" + path);
            }
        }
        else if (depth < 3)
        {
            if (depth > 0)
                yield return ("x", "");
            foreach (var (name, propertyType) in JsonProperties(t))
            {
                foreach (var (json, path) in WrongShapes(propertyType, depth + 1))
                    yield return (new JsonObject { [name] = json }, "." + name + path);
            }
        }
    }
}
