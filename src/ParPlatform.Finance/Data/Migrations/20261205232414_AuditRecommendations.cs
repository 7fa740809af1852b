using System;
using Microsoft.EntityFrameworkCore.Migrations;
using ParPlatform.ServiceDefaults.Tenancy;

#nullable disable

namespace ParPlatform.Finance.Data.Migrations
{
    /// <inheritdoc />
    public partial class AuditRecommendations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_recommendations",
                schema: "finance",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    reference = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    issued_on = table.Column<DateOnly>(type: "date", nullable: false),
                    to_remit = table.Column<long>(type: "bigint", nullable: false),
                    remitted = table.Column<long>(type: "bigint", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_recommendations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "audit_remittances",
                schema: "finance",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    recommendation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    amount = table.Column<long>(type: "bigint", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_remittances", x => x.id);
                    table.ForeignKey(
                        name: "fk_audit_remittances_audit_recommendations_recommendation_id",
                        column: x => x.recommendation_id,
                        principalSchema: "finance",
                        principalTable: "audit_recommendations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_recommendations_unit_code_issued_on",
                schema: "finance",
                table: "audit_recommendations",
                columns: new[] { "unit_code", "issued_on" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_remittances_recommendation_id",
                schema: "finance",
                table: "audit_remittances",
                column: "recommendation_id");

            // Tenant-owned rows: row-level security by unit and province (ParPlatform.ServiceDefaults.Tenancy.RowLevelSecurity).
            foreach (var table in new[] { "audit_recommendations", "audit_remittances" })
                migrationBuilder.EnableTenantRowLevelSecurity("finance", table);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_remittances",
                schema: "finance");

            migrationBuilder.DropTable(
                name: "audit_recommendations",
                schema: "finance");
        }
    }
}
