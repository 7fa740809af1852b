using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParPlatform.Dossiers.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddKnownUnitChangedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "changed_at",
                schema: "dossiers",
                table: "known_units",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // A unit known before this column shows the registry as it was registered.
            migrationBuilder.Sql("UPDATE \"dossiers\".known_units SET changed_at = registered_at;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "changed_at",
                schema: "dossiers",
                table: "known_units");
        }
    }
}
