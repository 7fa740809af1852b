using System.Text.RegularExpressions;
using ParPlatform.Contracts.Identity;
using ParPlatform.ServiceDefaults;
using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.SharedKernel;

namespace ParPlatform.Identity.Domain;

/// <summary>The checks the registry's requests share.</summary>
internal static class RegistryChecks
{
    public static void RequireUnitCode(this FieldErrors errors, string field, string? value)
    {
        if (!UnitCode.TryParse(value, out _))
            errors.Add(field, UnitCode.FormatError);
    }

    public static void RequireProvinceCode(this FieldErrors errors, string field, string? value)
    {
        if (!ProvinceCode.TryParse(value, out _))
            errors.Add(field, ProvinceCode.FormatError);
    }
}

public sealed record RegisterProvince(string? Code, string? Name)
{
    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        errors.RequireProvinceCode("code", Code);
        errors.RequireText("name", Name);
        return errors;
    }
}

public sealed record RegisterUnit(string? Code, string? Name, string? Kind, string? ProvinceCode)
{
    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        errors.RequireUnitCode("code", Code);
        errors.RequireText("name", Name);
        if (EnumNames.Parse<UnitKind>(Kind) is null)
            errors.Add("kind", UnitKinds.Error);
        errors.RequireProvinceCode("provinceCode", ProvinceCode);
        return errors;
    }
}

public sealed record UpdateUnit(string? Name, string? Kind)
{
    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        errors.RequireText("name", Name);
        if (EnumNames.Parse<UnitKind>(Kind) is null)
            errors.Add("kind", UnitKinds.Error);
        return errors;
    }
}

/// <summary>The error of a kind no unit has (a kind is read with <see cref="EnumNames.Parse{TEnum}"/>).</summary>
public static class UnitKinds
{
    public const string Error = "Loại đơn vị là \"ward\" (phường), \"commune\" (xã) hoặc \"special-zone\" (đặc khu).";
}

public sealed partial record RegisterAgency(string? Code, string? Name, string? Kind)
{
    /// <summary>The body's kind, once valid: <see cref="Kind"/>, or an administrative agency when none is given.</summary>
    public AgencyKind KindOrAdministrative() => Kind is null ? AgencyKind.Administrative : EnumNames.Parse<AgencyKind>(Kind)!.Value;

    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        if (Code is null || !CodePattern().IsMatch(Code))
            errors.Add("code", "Mã cơ quan gồm 2–40 chữ thường không dấu, chữ số và dấu gạch ngang (ví dụ van-phong).");
        errors.RequireText("name", Name);
        if (Kind is not null && EnumNames.Parse<AgencyKind>(Kind) is null)
            errors.Add("kind", AgencyKinds.Error);
        return errors;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,39}$")]
    private static partial Regex CodePattern();
}

public sealed partial record RegisterUser(
    string? UserName, string? DisplayName, string? Role, string? Password, string? UnitCode, string? AgencyCode, string? ProvinceCode)
{
    /// <summary>The form of each field and which fields the role needs; the API checks that the unit, agency and province exist.</summary>
    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        if (UserName is null || !UserNamePattern().IsMatch(UserName))
            errors.Add("userName", "Tên đăng nhập gồm 3–64 chữ thường không dấu, chữ số, dấu chấm, gạch dưới hoặc gạch ngang.");
        errors.RequireText("displayName", DisplayName);
        Passwords.Check(errors, "password", Password);
        switch (Role)
        {
            case PlatformRoles.UnitOfficer or PlatformRoles.UnitChairman:
                errors.RequireUnitCode("unitCode", UnitCode);
                if (Role == PlatformRoles.UnitOfficer && string.IsNullOrWhiteSpace(AgencyCode))
                    errors.Add("agencyCode", "Cán bộ của đơn vị phải thuộc một cơ quan của đơn vị.");
                if (ProvinceCode is not null)
                    errors.Add("provinceCode", "Tỉnh của tài khoản đơn vị là tỉnh của đơn vị; không ghi trường này.");
                break;
            case PlatformRoles.ProvinceReviewer:
                errors.RequireProvinceCode("provinceCode", ProvinceCode);
                if (UnitCode is not null || AgencyCode is not null)
                    errors.Add("unitCode", "Tài khoản của tỉnh không thuộc đơn vị nào.");
                break;
            case PlatformRoles.PlatformAdmin or PlatformRoles.Operator:
                if (UnitCode is not null || AgencyCode is not null || ProvinceCode is not null)
                    errors.Add("role", "Quản trị và vận hành không thuộc đơn vị hay tỉnh nào.");
                break;
            default:
                errors.Add("role", $"Vai trò là một trong: {string.Join(", ", PlatformRoles.UserRoles)}.");
                break;
        }
        return errors;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{2,63}$")]
    private static partial Regex UserNamePattern();
}

public sealed partial record RegisterIntegrator(string? ClientId, string? DisplayName, string? ProvinceCode, List<string>? UnitCodes)
{
    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        if (ClientId is null || !ClientIdPattern().IsMatch(ClientId))
            errors.Add("clientId", "Mã ứng dụng gồm 3–64 chữ thường không dấu, chữ số và dấu gạch ngang.");
        errors.RequireText("displayName", DisplayName);
        var hasUnits = UnitCodes is { Count: > 0 };
        if (ProvinceCode is null == !hasUnits)
            errors.Add("provinceCode", "Ghi đúng một phạm vi: một tỉnh (provinceCode) hoặc danh sách đơn vị (unitCodes).");
        else if (ProvinceCode is not null)
            errors.RequireProvinceCode("provinceCode", ProvinceCode);
        else if (UnitCodes!.Any(code => !SharedKernel.UnitCode.TryParse(code, out _)))
            errors.Add("unitCodes", SharedKernel.UnitCode.FormatError);
        return errors;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,63}$")]
    private static partial Regex ClientIdPattern();
}

/// <summary>An administrator's new password for an account.</summary>
public sealed record SetPassword(string? Password)
{
    public FieldErrors Validate() => Passwords.Check(new FieldErrors(), "password", Password);
}

/// <summary>A person's change of their own password: the current one, and the new one.</summary>
public sealed record ChangePassword(string? CurrentPassword, string? NewPassword)
{
    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        errors.RequireText("currentPassword", CurrentPassword);
        Passwords.Check(errors, "newPassword", NewPassword);
        if (!errors.Any && NewPassword == CurrentPassword)
            errors.Add("newPassword", "Mật khẩu mới phải khác mật khẩu hiện tại.");
        return errors;
    }
}

public sealed record UpdateAgency(string? Name, string? Kind)
{
    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        errors.RequireText("name", Name);
        if (EnumNames.Parse<AgencyKind>(Kind) is null)
            errors.Add("kind", AgencyKinds.Error);
        return errors;
    }
}

/// <summary>The error of a kind no body has.</summary>
public static class AgencyKinds
{
    public const string Error = "Loại cơ quan là \"administrative\" (cơ quan hành chính), \"public-service\" (đơn vị sự nghiệp công lập), \"police\" (công an), " +
        "\"steering-committee\" (ban chỉ đạo), \"fatherland-front\" (MTTQ và các đoàn thể), \"higher-level\" (cơ quan Trung ương, tỉnh trên địa bàn) " +
        "hoặc \"school\" (trường học công lập).";
}
