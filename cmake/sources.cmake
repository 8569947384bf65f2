# The library's sources, one list for every build of it (native, WebAssembly).
set(KZP_LIB_SOURCES
  lib/arena.c lib/article.c lib/basis.c lib/checked.c lib/convert.c lib/ctx.c lib/dataset.c lib/date.c
  lib/qty.c lib/fine.c lib/labels.c lib/json_locate.c lib/words.c lib/sanction_text.c lib/mci.c lib/money.c
  lib/range.c lib/status.c lib/text.c lib/vocab.c lib/file.c lib/index.c lib/derive.c lib/json_read.c
  lib/sha256.c lib/updates.c)
