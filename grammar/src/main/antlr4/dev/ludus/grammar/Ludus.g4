grammar Ludus;
// placeholder; the real grammar is being written
script : EOF ;
WS : [ \t]+ -> skip ;
