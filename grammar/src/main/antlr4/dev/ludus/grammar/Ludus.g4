/*
 * Ludus syntax (spec language.md §2.2), as an ANTLR 4 parser grammar.
 *
 * The tokens come from a hand-written scanner (dev.ludus.compiler.syntax.Lexer) because the
 * lexical error messages and positions of spec §11 are easier to get exactly right by hand;
 * this grammar only declares the token vocabulary.
 *
 * Newlines are real tokens (NL). They appear only where the spec's grammar says NL*, TERM
 * (NL | SEMI) or SEP (NL | COMMA); nowhere else. So a newline may not follow '->', may not
 * separate a synthetic root from its next term; it may follow '>' in `do` (2024 grammar, §15).
 *
 * Deviations from the spec's EBNF are only factorings that keep decisions LL(1)-ish so that
 * syntax errors point at the first token where no valid parse can continue:
 *  - `fn`: named fn, forward declaration (binding positions) vs lambda (everywhere);
 *  - toplevel-only forms (import, ns/pkg, use, test) parse in any expression position (the
 *    resolver reports them when misplaced);
 *  - `_` is accepted as a tuple member (the resolver reports "_ is only allowed in function
 *    arguments").
 *
 * dev.ludus.compiler.syntax.FastParser parses this same grammar by recursive descent (programs
 * without syntax errors, in a fraction of ANTLR's cold-start time): a change here needs the same
 * change there (FastParserTest compares the two on the corpora).
 */
parser grammar Ludus;

tokens {
    NL, SEMI, COMMA,
    LPAREN, RPAREN, LBRACK, RBRACK, LBRACE, RBRACE, SETOPEN, DICTOPEN,
    EQ, ARROW, GT, ELLIPSIS,
    PLACEHOLDER, IGNORED, WORD, KEYWORD, NUMBER, STRING,
    PANIC,  // the word `panic!` directly before a token that starts a non-binding expression other than '(' (§2.3)
    AS, DO, ELSE, FALSE, FN, IF, IMPORT, LET, LOOP, MATCH, NIL, NS, RECUR, REF, REPEAT,
    TEST, THEN, TRUE, USE, WHEN, WITH, BOX, PKG, RECEIVE,
    LEXERROR  // stands for the first lexical error; no rule accepts it
}

script
    : (NL | SEMI)* ( expression ( (NL | SEMI)+ expression )* (NL | SEMI)* )? EOF
    ;

// ---- expressions ---------------------------------------------------------------------------

/** Any expression, binding forms included (script, block, clause bodies, if branches, do stages). */
expression
    : letExpr
    | refExpr
    | fnAny
    | simpleNoFn
    | compound
    ;

/** Collection members, arguments, let/ref right-hand sides, test bodies, panic! form. */
nonBinding
    : simple
    | compound
    ;

/** if conditions, match scrutinees, when tests, guards. */
simple
    : simpleNoFn
    | lambda
    ;

simpleNoFn
    : literal
    | tupleLit
    | listLit
    | setLit
    | dictLit
    | synthetic
    | recurCall
    | toplevelForm
    ;

compound
    : ifExpr
    | whenExpr
    | matchExpr
    | receiveExpr
    | loopExpr
    | doExpr
    | block
    | repeatExpr
    | panicForm
    ;

literal
    : NIL | TRUE | FALSE | NUMBER | STRING
    ;

// ---- binding forms

letExpr
    : LET pattern EQ NL* nonBinding
    ;

refExpr
    : (REF | BOX) WORD EQ NL* nonBinding
    ;

/** `fn` where a binding form is allowed: named fn, forward declaration or lambda. */
fnAny
    : FN ( WORD ( clause | fnBody )? | clause )
    ;

/** `fn` where only a non-binding expression is allowed. */
lambda
    : FN clause
    ;

fnBody
    : LBRACE ( NL* STRING (NL | SEMI)* | (NL | SEMI)* )
      clause ( (NL | SEMI)+ clause )* (NL | SEMI)* RBRACE
    ;

clause
    : tuplePattern guard? ARROW expression
    ;

guard
    : IF simple
    ;

// ---- control forms

ifExpr
    : IF NL* ( simple | letExpr ) NL* THEN expression NL* ELSE expression
    ;

whenExpr
    : WHEN LBRACE (NL | SEMI)* whenClause ( (NL | SEMI)+ whenClause )* (NL | SEMI)* RBRACE
    ;

whenClause
    : ( simple | PLACEHOLDER | ELSE ) ARROW expression
    ;

matchExpr
    : MATCH simple NL* WITH LBRACE (NL | SEMI)* matchClause ( (NL | SEMI)+ matchClause )* (NL | SEMI)* RBRACE
    ;

matchClause
    : pattern guard? ARROW expression
    ;

/** Processes (spec §16): clauses like match's, tried against the mailbox's messages. */
receiveExpr
    : RECEIVE LBRACE (NL | SEMI)* matchClause ( (NL | SEMI)+ matchClause )* (NL | SEMI)* RBRACE
    ;

loopExpr
    : LOOP tupleLit WITH
      ( clause
      | LBRACE (NL | SEMI)* clause ( (NL | SEMI)+ clause )* (NL | SEMI)* RBRACE
      )
    ;

recurCall
    : RECUR tupleLit
    ;

repeatExpr
    : REPEAT ( WORD | NUMBER ) block
    ;

doExpr
    : DO expression ( NL* GT NL* expression )+
    ;

block
    : LBRACE (NL | SEMI)* expression ( (NL | SEMI)+ expression )* (NL | SEMI)* RBRACE
    ;

panicForm
    : PANIC nonBinding
    ;

// ---- synthetic expressions and collections

synthetic
    : ( WORD | KEYWORD ) ( args | KEYWORD )*
    ;

args
    : LPAREN (NL | COMMA)* ( arg ( (NL | COMMA)+ arg )* (NL | COMMA)* )? RPAREN
    ;

/** A member of an argument tuple or tuple literal; `_` is a placeholder. */
arg
    : PLACEHOLDER
    | nonBinding
    ;

tupleLit
    : LPAREN (NL | COMMA)* ( arg ( (NL | COMMA)+ arg )* (NL | COMMA)* )? RPAREN
    ;

listLit
    : LBRACK (NL | COMMA)* ( listItem ( (NL | COMMA)+ listItem )* (NL | COMMA)* )? RBRACK
    ;

setLit
    : SETOPEN (NL | COMMA)* ( listItem ( (NL | COMMA)+ listItem )* (NL | COMMA)* )? RBRACE
    ;

listItem
    : ELLIPSIS WORD
    | nonBinding
    ;

dictLit
    : DICTOPEN (NL | COMMA)* ( dictItem ( (NL | COMMA)+ dictItem )* (NL | COMMA)* )? RBRACE
    ;

dictItem
    : ELLIPSIS WORD
    | KEYWORD nonBinding
    | WORD
    ;

// ---- toplevel-only forms

toplevelForm
    : importForm
    | nsForm
    | useForm
    | testForm
    ;

importForm
    : IMPORT STRING AS WORD
    ;

nsForm
    : (NS | PKG) WORD LBRACE (NL | COMMA)* ( nsEntry ( (NL | COMMA)+ nsEntry )* (NL | COMMA)* )? RBRACE
    ;

nsEntry
    : KEYWORD nonBinding
    | WORD
    ;

useForm
    : USE WORD
    ;

testForm
    : TEST STRING nonBinding
    ;

// ---- patterns

pattern
    : PLACEHOLDER
    | IGNORED
    | ELSE
    | NIL | TRUE | FALSE | NUMBER | STRING | KEYWORD
    | WORD ( AS KEYWORD )?
    | tuplePattern
    | listPattern
    | dictPattern
    ;

tuplePattern
    : LPAREN (NL | COMMA)* ( pItem ( (NL | COMMA)+ pItem )* (NL | COMMA)* )? RPAREN
    ;

listPattern
    : LBRACK (NL | COMMA)* ( pItem ( (NL | COMMA)+ pItem )* (NL | COMMA)* )? RBRACK
    ;

pItem
    : pattern
    | splatPattern
    ;

splatPattern
    : ELLIPSIS ( WORD | IGNORED | PLACEHOLDER )?
    ;

dictPattern
    : DICTOPEN (NL | COMMA)* ( dpItem ( (NL | COMMA)+ dpItem )* (NL | COMMA)* )? RBRACE
    ;

dpItem
    : KEYWORD pattern
    | WORD ( AS KEYWORD )?
    | splatPattern
    ;
