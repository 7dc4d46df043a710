package dev.ludus.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.*;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server end to end, through LSP4J's client launcher over pipes, on real files with an import. */
class LspServerTest {
    @TempDir
    Path dir;
    LspClient client;
    String mainUri;
    String libUri;
    String mainText;

    @BeforeEach
    void start() throws Exception {
        for (String f : List.of("main.ld", "lib.ld")) {
            Files.copy(Path.of("src/test/resources/project", f), dir.resolve(f));
        }
        mainUri = dir.resolve("main.ld").toUri().toString();
        libUri = dir.resolve("lib.ld").toRealPath().toUri().toString();
        mainText = Files.readString(dir.resolve("main.ld"));
        client = new LspClient();
        InitializeResult init = client.initialize(0);
        assertTrue(init.getCapabilities().getHoverProvider().getLeft());
        client.open(mainUri, mainText);
        assertEquals(List.of(), client.diagnosticsFor(mainUri, 1).getDiagnostics());
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        assertEquals(0, client.serverExit[0], "exit status after shutdown");
    }

    private TextDocumentIdentifier doc() { return new TextDocumentIdentifier(mainUri); }

    private <T> T get(java.util.concurrent.CompletableFuture<T> f) throws Exception {
        return f.get(30, TimeUnit.SECONDS);
    }

    private String hover(int line, int ch) throws Exception {
        Hover h = get(client.server.getTextDocumentService().hover(new HoverParams(doc(), new Position(line, ch))));
        return h == null ? null : h.getContents().getRight().getValue();
    }

    @Test
    void hoverShowsDocstringsAndBindings() throws Exception {
        String print = hover(4, 2);
        assertTrue(print.contains("print!") && print.contains("prelude"), print);
        String greet = hover(4, 14);
        assertTrue(greet.contains("Greets someone by name.") && greet.contains("greet (name)"), greet);
        String who = hover(4, 21);
        assertTrue(who.contains("who") && who.contains("line 2"), who);
        assertEquals(null, hover(0, 2), "nothing for the reserved word import");
    }

    @Test
    void definitionAcrossImports() throws Exception {
        var defs = get(client.server.getTextDocumentService().definition(new DefinitionParams(doc(), new Position(4, 14)))).getLeft();
        assertEquals(1, defs.size());
        assertEquals(libUri, defs.get(0).getUri());
        assertEquals(new Range(new Position(1, 3), new Position(1, 8)), defs.get(0).getRange());
        var local = get(client.server.getTextDocumentService().definition(new DefinitionParams(doc(), new Position(5, 9)))).getLeft();
        assertEquals(new Range(new Position(2, 3), new Position(2, 8)), local.get(0).getRange());
        assertEquals(mainUri, local.get(0).getUri());
        var file = get(client.server.getTextDocumentService().definition(new DefinitionParams(doc(), new Position(0, 10)))).getLeft();
        assertEquals(libUri, file.get(0).getUri(), "the import's path leads to the file");
    }

    @Test
    void completionOffersScopePreludeMembersAndSnippets() throws Exception {
        client.change(mainUri, 2, mainText + "print! (lib :");
        var items = get(client.server.getTextDocumentService().completion(new CompletionParams(doc(), new Position(6, 13)))).getLeft();
        assertEquals(List.of("greet", "twice"), items.stream().map(CompletionItem::getLabel).sorted().toList());
        var all = get(client.server.getTextDocumentService().completion(new CompletionParams(doc(), new Position(6, 0)))).getLeft();
        List<String> labels = all.stream().map(CompletionItem::getLabel).toList();
        for (String l : List.of("who", "shout", "lib", "print!", "map", "match", "receive", "fn")) assertTrue(labels.contains(l), l + " in " + labels);
        CompletionItem map = all.stream().filter(i -> i.getLabel().equals("map")).findFirst().orElseThrow();
        assertTrue(map.getDetail().contains("xs)"), map.getDetail());
    }

    @Test
    void referencesAndRename() throws Exception {
        var refs = get(client.server.getTextDocumentService().references(
                new ReferenceParams(doc(), new Position(1, 5), new ReferenceContext(true))));
        assertEquals(4, refs.size(), refs.toString()); // let who, #{who}, (who), shout (who)
        WorkspaceEdit edit = get(client.server.getTextDocumentService().rename(new RenameParams(doc(), new Position(1, 5), "person")));
        List<TextEdit> edits = edit.getChanges().get(mainUri);
        assertEquals(4, edits.size());
        assertTrue(edits.stream().anyMatch(e -> e.getNewText().equals(":who person")), "the dict shorthand keeps its key: " + edits);

        var greet = get(client.server.getTextDocumentService().rename(new RenameParams(doc(), new Position(4, 14), "hello")));
        assertEquals(2, greet.getChanges().get(libUri).size(), greet.toString()); // fn greet, ns { greet } shorthand
        assertTrue(greet.getChanges().get(libUri).stream().anyMatch(e -> e.getNewText().equals(":greet hello")), greet.toString());
        assertEquals(1, greet.getChanges().get(mainUri).size());

        ExecutionException e = assertThrows(ExecutionException.class, () ->
                get(client.server.getTextDocumentService().rename(new RenameParams(doc(), new Position(4, 2), "say!"))));
        assertTrue(e.getCause() instanceof ResponseErrorException && e.getCause().getMessage().contains("prelude name"), e.toString());
        assertThrows(ExecutionException.class, () ->
                get(client.server.getTextDocumentService().rename(new RenameParams(doc(), new Position(1, 5), "not a name"))));
    }

    @Test
    void symbolsSignaturesAndFormatting() throws Exception {
        var symbols = get(client.server.getTextDocumentService().documentSymbol(new DocumentSymbolParams(doc())));
        assertEquals(List.of("lib", "who", "shout", "d"), symbols.stream().map(s -> s.getRight().getName()).toList());

        client.change(mainUri, 2, mainText + "add (1, ");
        SignatureHelp help = get(client.server.getTextDocumentService().signatureHelp(
                new SignatureHelpParams(doc(), new Position(6, 8))));
        assertNotNull(help);
        assertEquals(1, help.getActiveParameter());
        assertTrue(help.getSignatures().stream().anyMatch(s -> s.getLabel().startsWith("add (") && s.getParameters().size() == 2),
                help.toString());

        client.change(mainUri, 3, "let   x=add(1,2)\n");
        var edits = get(client.server.getTextDocumentService().formatting(new DocumentFormattingParams(doc(), new FormattingOptions(2, true))));
        assertEquals("let x = add (1, 2)\n", edits.get(0).getNewText());
    }

    @Test
    void semanticTokensClassifyWords() throws Exception {
        List<Integer> data = get(client.server.getTextDocumentService().semanticTokensFull(new SemanticTokensParams(doc()))).getData();
        assertEquals(0, data.size() % 5);
        // decode to (line, char, length, type, modifiers)
        List<String> decoded = new java.util.ArrayList<>();
        int line = 0, ch = 0;
        for (int i = 0; i < data.size(); i += 5) {
            line += data.get(i);
            ch = data.get(i) == 0 ? ch + data.get(i + 1) : data.get(i + 1);
            decoded.add(line + ":" + ch + ":" + data.get(i + 2) + ":" + SemanticTokenizer.TYPES.get(data.get(i + 3)) + ":" + data.get(i + 4));
        }
        assertTrue(decoded.contains("0:0:6:keyword:0"), decoded.toString());           // import
        assertTrue(decoded.contains("0:19:3:namespace:1"), decoded.toString());         // as lib (declaration)
        assertTrue(decoded.contains("2:3:5:function:1"), decoded.toString());           // fn shout
        assertTrue(decoded.contains("4:0:6:function:2"), decoded.toString());           // print! (prelude)
        assertTrue(decoded.contains("4:12:6:enumMember:0"), decoded.toString());        // :greet
        assertTrue(decoded.contains("5:15:3:variable:0"), decoded.toString());          // who
    }

    @Test
    void diagnosticsFollowTheText() throws Exception {
        client.change(mainUri, 2, mainText + "print! (shoutt (who))\n");
        var d = client.diagnosticsFor(mainUri, 2).getDiagnostics();
        assertEquals(1, d.size(), d.toString());
        assertEquals(new Range(new Position(6, 8), new Position(6, 14)), d.get(0).getRange());
        assertTrue(d.get(0).getMessage().startsWith("unbound name: shoutt\nhint: did you mean `shout`?"), d.get(0).getMessage());

        client.change(mainUri, 3, mainText + "let x = (1,\n");
        var syntax = client.diagnosticsFor(mainUri, 3).getDiagnostics();
        assertEquals(1, syntax.size());
        assertTrue(syntax.get(0).getMessage().contains("expected"), syntax.get(0).getMessage());
        assertTrue(hover(4, 14).contains("Greets"), "hover keeps working from the last text that parsed");

        client.change(mainUri, 4, mainText);
        assertEquals(List.of(), client.diagnosticsFor(mainUri, 4).getDiagnostics());
    }

    @Test
    void errorsInAnImportPointThere() throws Exception {
        Files.writeString(dir.resolve("bad.ld"), "let x = (1,\n");
        client.change(mainUri, 2, "import \"bad.ld\" as bad\nbad\n");
        var d = client.diagnosticsFor(mainUri, 2).getDiagnostics();
        assertEquals(1, d.size(), d.toString());
        assertTrue(d.get(0).getMessage().startsWith("in bad.ld: "), d.get(0).getMessage());
        assertFalse(d.get(0).getRelatedInformation().isEmpty());
    }
}
