using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParPlatform.Identity.Data.Migrations
{
    /// <inheritdoc />
    public partial class AccessRevocation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "disabled_at",
                schema: "identity",
                table: "users",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "revoked_at",
                schema: "identity",
                table: "integrator_clients",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "disabled_at",
                schema: "identity",
                table: "users");

            migrationBuilder.DropColumn(
                name: "revoked_at",
                schema: "identity",
                table: "integrator_clients");
        }
    }
}
