package org.skytools.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.skytools.common.db.DdlStatement.Kind;
import org.skytools.common.db.TableStructure.Column;
import org.skytools.common.db.TableStructure.Constraint;
import org.skytools.common.db.TableStructure.Grant;
import org.skytools.common.db.TableStructure.Identity;
import org.skytools.common.db.TableStructure.Index;
import org.skytools.common.db.TableStructure.Rule;
import org.skytools.common.db.TableStructure.Trigger;

class TableDdlTest {
    private static final TableStructure TABLE = new TableStructure(
            new FqName("My Schema", "order"),
            "Owner",
            true,
            "it's",
            List.of(
                    new Column("id", "bigint", true, null, Identity.ALWAYS, null, null, null),
                    new Column("Name", "text", false, "'n'::text", Identity.NONE, null, "pg_catalog.\"C\"", "a\\b"),
                    new Column("twice", "integer", false, null, Identity.NONE, "(id * 2)", null, null)),
            new Constraint("order_pkey", 'p', "PRIMARY KEY (id)"),
            List.of(new Constraint("name_check", 'c', "CHECK ((\"Name\" <> ''::text))")),
            List.of(new Index("ix", "CREATE INDEX ix ON \"My Schema\".\"order\" USING btree (\"Name\")")),
            List.of(new Trigger("tg", "CREATE TRIGGER tg ...", 'D'), new Trigger("ok", "CREATE TRIGGER ok ...", 'O')),
            List.of(new Rule("r", "CREATE RULE r AS ON DELETE TO \"My Schema\".\"order\" DO INSTEAD NOTHING")),
            List.of(new Grant("PUBLIC", "SELECT", false), new Grant("Reader", "UPDATE", true)),
            List.of());

    @Test
    void minimalDdlHasSchemaPlainTableAndPrimaryKey() {
        assertThat(TABLE.minimalDdl())
                .containsExactly(
                        new DdlStatement(Kind.SCHEMA, "My Schema", "create schema if not exists \"My Schema\""),
                        new DdlStatement(
                                Kind.TABLE,
                                "My Schema.order",
                                """
                                create unlogged table "My Schema"."order" (
                                    id bigint not null,
                                    "Name" text collate pg_catalog."C",
                                    twice integer
                                )"""),
                        new DdlStatement(
                                Kind.PRIMARY_KEY,
                                "order_pkey",
                                "alter table only \"My Schema\".\"order\" add constraint order_pkey PRIMARY KEY (id)"));
    }

    @Test
    void fullDdlHasEveryObjectInReplayOrder() {
        List<DdlStatement> ddl = TABLE.fullDdl();
        assertThat(ddl)
                .extracting(DdlStatement::kind)
                .containsExactly(
                        Kind.SCHEMA,
                        Kind.TABLE,
                        Kind.DEFAULT,
                        Kind.PRIMARY_KEY,
                        Kind.CONSTRAINT,
                        Kind.INDEX,
                        Kind.TRIGGER,
                        Kind.TRIGGER,
                        Kind.TRIGGER,
                        Kind.RULE,
                        Kind.OWNER,
                        Kind.GRANT,
                        Kind.GRANT,
                        Kind.COMMENT,
                        Kind.COMMENT);
        assertThat(ddl.get(1).sql())
                .isEqualTo(
                        """
                create unlogged table "My Schema"."order" (
                    id bigint generated always as identity not null,
                    "Name" text collate pg_catalog."C",
                    twice integer generated always as ((id * 2)) stored
                )""");
        assertThat(ddl)
                .extracting(DdlStatement::sql)
                .contains(
                        "alter table only \"My Schema\".\"order\" alter column \"Name\" set default 'n'::text",
                        "alter table only \"My Schema\".\"order\" add constraint name_check CHECK ((\"Name\" <> ''::text))",
                        "CREATE INDEX ix ON \"My Schema\".\"order\" USING btree (\"Name\")",
                        "alter table \"My Schema\".\"order\" disable trigger tg",
                        "alter table \"My Schema\".\"order\" owner to \"Owner\"",
                        "grant select on table \"My Schema\".\"order\" to public",
                        "grant update on table \"My Schema\".\"order\" to \"Reader\" with grant option",
                        "comment on table \"My Schema\".\"order\" is 'it''s'",
                        "comment on column \"My Schema\".\"order\".\"Name\" is E'a\\\\b'");
    }

    @Test
    void publicSchemaIsNotCreatedAndEmptyTableIsValid() {
        TableStructure empty = new TableStructure(
                new FqName("public", "e"),
                "o",
                false,
                null,
                List.of(),
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of());
        assertThat(empty.minimalDdl()).extracting(DdlStatement::sql).containsExactly("create table public.e ()");
    }

    @Test
    void sequenceDdlCarriesEveryOption() {
        SequenceStructure s = new SequenceStructure(new FqName("public", "Seq"), "integer", 105, 5, 100, 1000, 3, true);
        assertThat(s.createDdl())
                .extracting(DdlStatement::sql)
                .containsExactly("create sequence public.\"Seq\" as integer increment by 5 minvalue 100 maxvalue 1000"
                        + " start with 105 cache 3 cycle");
    }
}
