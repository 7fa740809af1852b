using MudBlazor;

namespace ParPlatform.Web.Components;

public static class Tables
{
    /// <summary>
    /// Reads a paged table again from its first page, as a new filter must: the page shown before may not exist under the new filter
    /// (MudTable would ask for it, show it empty, then go back).
    /// </summary>
    public static async Task FirstPageAsync<T>(this MudTable<T> table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.CurrentPage == 0)
            await table.ReloadServerData();
        else
            table.NavigateTo(0);
    }
}
