using Microsoft.EntityFrameworkCore;
using ParPlatform.SharedKernel;

namespace ParPlatform.ServiceDefaults;

/// <summary>How every service database stores enums: the member name in a text column (<see cref="EnumNames.Stored{TEnum}"/>).</summary>
public static class EnumStorage
{
    /// <summary>Call from each DbContext's ConfigureConventions; the columns' lengths stay with each property.</summary>
    public static ModelConfigurationBuilder StoreEnumsByName(this ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<Enum>().HaveConversion<string>();
        return configurationBuilder;
    }
}
