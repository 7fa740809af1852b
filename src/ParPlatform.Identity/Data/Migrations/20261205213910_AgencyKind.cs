using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParPlatform.Identity.Data.Migrations
{
    /// <inheritdoc />
    public partial class AgencyKind : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "kind",
                schema: "identity",
                table: "agencies",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "Administrative");

            // The bodies registered before their registration was published: published now, as administrative agencies
            // (what every one of them was), so that the services that keep the bodies (plans) learn of them too.
            // The event ids are version 7 (time-ordered), as the outbox's others.
            migrationBuilder.Sql(
                """
                INSERT INTO identity.outbox_messages (event_id, event_type, aggregate_key, payload, occurred_at)
                SELECT e.event_id, 'ParPlatform.Contracts.Identity.AgencyRegistered, ParPlatform.Contracts', a.unit_code,
                       jsonb_build_object('agencyCode', a.code, 'agencyName', a.name, 'kind', 'administrative', 'eventId', e.event_id,
                                          'occurredAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"'),
                                          'unitCode', a.unit_code, 'provinceCode', a.province_code),
                       now()
                FROM identity.agencies a
                CROSS JOIN LATERAL (SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
                    PLACING substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid
                    AS event_id) e
                ORDER BY a.unit_code, a.code;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "kind",
                schema: "identity",
                table: "agencies");
        }
    }
}
