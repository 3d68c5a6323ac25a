package org.skytools.qadmin.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.skytools.qadmin.lang.Statement.Target;

/** Every statement form of cli.md §4 and the errors pointing at the bad word. */
class StatementParserTest {
    private final StatementParser parser = new StatementParser();

    private Statement one(String text) {
        List<Statement> list = parser.parseInteractive(text);
        assertThat(list).hasSize(1);
        return list.get(0);
    }

    private SyntaxError error(String text) {
        try {
            parser.parseInteractive(text);
        } catch (SyntaxError e) {
            return e;
        }
        throw new AssertionError("no syntax error for: " + text);
    }

    @Test
    void connectTakesKeyValuePairsInAnyOrder() {
        assertThat(one("connect dbname=db1 host=db-1.example.com port=6432 user=bob password=s3cr3t! queue=q;"))
                .isEqualTo(new Statement.Connect(Map.of(
                        "dbname", "db1",
                        "host", "db-1.example.com",
                        "port", "6432",
                        "user", "bob",
                        "password", "s3cr3t!",
                        "queue", "q")));
        assertThat(one("connect queue=q node=n2;"))
                .isEqualTo(new Statement.Connect(Map.of("queue", "q", "node", "n2")));
        assertThat(one("CONNECT host='10.0.0.1';")).isEqualTo(new Statement.Connect(Map.of("host", "10.0.0.1")));
        assertThat(one("connect;")).isEqualTo(new Statement.Connect(Map.of()));
    }

    @Test
    void install() {
        assertThat(one("install pgq;")).isEqualTo(new Statement.Install(Statement.Module.PGQ));
        assertThat(one("install londiste;")).isEqualTo(new Statement.Install(Statement.Module.LONDISTE));
    }

    @Test
    void queueStatements() {
        assertThat(one("create queue events;")).isEqualTo(new Statement.CreateQueue("events"));
        assertThat(one("create queue \"Big Q\";")).isEqualTo(new Statement.CreateQueue("Big Q"));
        assertThat(one("drop queue events;")).isEqualTo(new Statement.DropQueue("events"));
        assertThat(one("alter queue events set idle_period='1 min', max_count=100, max_lag='5s', paused=1;"))
                .isEqualTo(new Statement.AlterQueue(
                        new Target("events"),
                        Map.of(
                                "ticker_idle_period", "1 min",
                                "ticker_max_count", "100",
                                "ticker_max_lag", "5s",
                                "ticker_paused", "1")));
        assertThat(one("alter queue * set max_count=7;"))
                .isEqualTo(new Statement.AlterQueue(Target.ALL, Map.of("ticker_max_count", "7")));
    }

    @Test
    void registerConsumerWithClausesInAnyOrder() {
        assertThat(one("register consumer c1;")).isEqualTo(new Statement.RegisterConsumer("c1", null, null, null));
        assertThat(one("register consumer c1 at 42 on q copy c0;"))
                .isEqualTo(new Statement.RegisterConsumer("c1", "q", 42L, "c0"));
    }

    @Test
    void unregisterConsumer() {
        assertThat(one("unregister consumer c1 from q;"))
                .isEqualTo(new Statement.UnregisterConsumer(new Target("c1"), "q"));
        assertThat(one("unregister consumer *;")).isEqualTo(new Statement.UnregisterConsumer(Target.ALL, null));
    }

    @Test
    void subconsumers() {
        assertThat(one("register subconsumer s1 for c1 on q;"))
                .isEqualTo(new Statement.RegisterSubconsumer("s1", "c1", "q"));
        assertThat(one("register subconsumer s1 on q for c1;"))
                .isEqualTo(new Statement.RegisterSubconsumer("s1", "c1", "q"));
        assertThat(one("unregister subconsumer s1 for c1 from q close batch;"))
                .isEqualTo(new Statement.UnregisterSubconsumer(new Target("s1"), "c1", "q", true));
        assertThat(one("unregister subconsumer * for c1 close;"))
                .isEqualTo(new Statement.UnregisterSubconsumer(Target.ALL, "c1", null, true));
        assertThat(one("unregister subconsumer s1 for c1;"))
                .isEqualTo(new Statement.UnregisterSubconsumer(new Target("s1"), "c1", null, false));
    }

    @Test
    void showStatements() {
        assertThat(one("show help;")).isEqualTo(new Statement.ShowHelp());
        assertThat(one("show version;")).isEqualTo(new Statement.ShowVersion());
        assertThat(one("show queue;")).isEqualTo(new Statement.ShowQueue(null));
        assertThat(one("show queue *;")).isEqualTo(new Statement.ShowQueue(Target.ALL));
        assertThat(one("show queue q1;")).isEqualTo(new Statement.ShowQueue(new Target("q1")));
        assertThat(one("show consumer;")).isEqualTo(new Statement.ShowConsumer(null, null));
        assertThat(one("show consumer c on q;"))
                .isEqualTo(new Statement.ShowConsumer(new Target("c"), new Target("q")));
        assertThat(one("show consumer * on *;")).isEqualTo(new Statement.ShowConsumer(Target.ALL, Target.ALL));
        assertThat(one("show node n1 on q;")).isEqualTo(new Statement.ShowNode(new Target("n1"), new Target("q")));
        assertThat(one("show node;")).isEqualTo(new Statement.ShowNode(null, null));
        assertThat(one("show table public.\"T\";")).isEqualTo(new Statement.ShowTable(List.of("public", "T")));
        assertThat(one("show table t;")).isEqualTo(new Statement.ShowTable(List.of("t")));
        assertThat(one("show sequence s.seq;")).isEqualTo(new Statement.ShowSequence(List.of("s", "seq")));
        assertThat(one("show batch 17;")).isEqualTo(new Statement.ShowBatch(17L, null));
        assertThat(one("show batch c1;")).isEqualTo(new Statement.ShowBatch(null, "c1"));
    }

    @Test
    void londisteStatements() {
        assertThat(one("londiste add table public.a, b with skip_truncate, tgflags='UI', ev_ignore='x', backup;"))
                .isEqualTo(new Statement.LondisteAddTable(
                        List.of("public.a", "b"), List.of("skip_truncate", "tgflags=UI", "ignore=x", "backup")));
        assertThat(one("londiste add table a;")).isEqualTo(new Statement.LondisteAddTable(List.of("a"), List.of()));
        assertThat(one("londiste add sequence s1, s2;"))
                .isEqualTo(new Statement.LondisteAddSequence(List.of("s1", "s2")));
        assertThat(one("londiste remove table a;")).isEqualTo(new Statement.LondisteRemoveTable(List.of("a")));
        assertThat(one("londiste remove sequence s1;")).isEqualTo(new Statement.LondisteRemoveSequence(List.of("s1")));
        assertThat(one("londiste tables;")).isEqualTo(new Statement.LondisteList(Statement.Listing.TABLES));
        assertThat(one("londiste seqs;")).isEqualTo(new Statement.LondisteList(Statement.Listing.SEQS));
        assertThat(one("londiste missing;")).isEqualTo(new Statement.LondisteList(Statement.Listing.MISSING));
    }

    @Test
    void exitAndBackslashQ() {
        assertThat(one("exit;")).isEqualTo(new Statement.Exit());
        assertThat(one("\\q")).isEqualTo(new Statement.Exit());
    }

    @Test
    void otherStatementsAreSqlAsWritten() {
        String text = "select 'a;b', $$c;d$$ from  t where x = 1;";
        assertThat(one(text)).isEqualTo(new Statement.Sql("select 'a;b', $$c;d$$ from  t where x = 1", 0));
        assertThat(parser.parseInteractive("show queue; create table t (id int);"))
                .containsExactly(new Statement.ShowQueue(null), new Statement.Sql("create table t (id int)", 12));
        assertThat(one("drop table queue;")).isEqualTo(new Statement.Sql("drop table queue", 0));
        assertThat(one("alter table x add column y int;"))
                .isEqualTo(new Statement.Sql("alter table x add column y int", 0));
        assertThat(one("insert into t values (1);")).isEqualTo(new Statement.Sql("insert into t values (1)", 0));
    }

    @Test
    void scriptsMayLeaveOutTheLastSemicolon() {
        assertThat(parser.parseScript("create queue a;\nshow queue a"))
                .containsExactly(new Statement.CreateQueue("a"), new Statement.ShowQueue(new Target("a")));
        assertThat(parser.parseScript("select 1")).containsExactly(new Statement.Sql("select 1", 0));
        assertThat(parser.parseScript(" ;; -- nothing\n")).isEmpty();
    }

    @Test
    void errorPointsAtTheBadWordAndListsTheAlternatives() {
        SyntaxError e = error("show foo;");
        assertThat(e.getMessage())
                .isEqualTo(
                        "syntax error at \"foo\": expected one of: batch, help, queue, consumer, node, table, sequence,"
                                + " version");
        assertThat(e.position()).isEqualTo(5);
        assertThat(e.atEnd()).isFalse();
        assertThat(CaretLines.render("show foo;", e.position())).containsExactly("LINE 1: show foo;", "             ^");
    }

    @Test
    void errorsForMissingNamesAndValues() {
        assertThat(error("create queue ;").getMessage()).isEqualTo("syntax error at \";\": expected <queue>");
        assertThat(error("alter queue q set max_count='x';").getMessage())
                .isEqualTo("syntax error at \"'x'\": expected <number>");
        assertThat(error("alter queue q set rotation_period='1h';").getMessage())
                .isEqualTo(
                        "syntax error at \"rotation_period\": expected one of: idle_period, max_count, max_lag, paused");
        assertThat(error("register subconsumer s;").getMessage())
                .isEqualTo("syntax error at \";\": expected one of: for, on");
        assertThat(error("show queue a b;").getMessage()).isEqualTo("syntax error at \"b\": expected \";\"");
        assertThat(error("connect dbname=x foo=1;").getMessage())
                .isEqualTo("syntax error at \"foo\": expected one of: \";\", dbname, host, port, user, password, queue,"
                        + " node");
        assertThat(error("register consumer c at 1.5;").getMessage())
                .isEqualTo("syntax error at \"1.5\": expected a whole number");
        assertThat(error("\\x").getMessage()).startsWith("unknown command \"\\x\"");
    }

    @Test
    void errorOnALaterLineReportsThatLine() {
        String script = "create queue a;\nshow  consumer c on ;\n";
        SyntaxError e = assertThrowsSyntax(script);
        assertThat(e.getMessage()).isEqualTo("syntax error at \";\": expected one of: \"*\", <queue>");
        assertThat(CaretLines.render(script, e.position()))
                .containsExactly("LINE 2: show  consumer c on ;", "                            ^");
    }

    private SyntaxError assertThrowsSyntax(String script) {
        try {
            parser.parseScript(script);
        } catch (SyntaxError e) {
            return e;
        }
        throw new AssertionError("no error");
    }

    @Test
    void unfinishedInputIsReportedAtTheEnd() {
        assertThat(error("show queue").atEnd()).isTrue();
        assertThat(error("select 1").atEnd()).isTrue();
        assertThat(error("select 'abc").atEnd()).isTrue();
        assertThat(error("select 'abc").getMessage()).isEqualTo("unterminated quoted string");
        assertThatThrownBy(() -> parser.parseScript("create queue"))
                .isInstanceOf(SyntaxError.class)
                .hasMessage("syntax error at end of input: expected <queue>");
    }
}
