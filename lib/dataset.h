/* Building the model of a context from a dataset's parsed JSON (dataset.c). Private to lib/. */
#ifndef KZP_DATASET_H
#define KZP_DATASET_H

#include "json_read.h"

/* Build a context from parsed JSON. text/len, if not NULL, is the text root was parsed from: it
 * gives line and column for errors and is kept as the context's dataset text (borrowed when
 * text_is_static, else copied); without it root is serialised instead. map, if not NULL, says
 * where a problem lies in another text (an MCI update merged into a dataset). On success takes
 * nothing from root (the caller still owns it). */
int kzp_ctx_build(kzp_ctx **out, json_t *root, const char *text, size_t len, bool text_is_static,
                  const kzp_path_map *map, kzp_error *err);
/* As kzp_ctx_build, keeping no dataset text (canonical NULL): a model that is only read and freed,
 * such as the merged dataset that validates an MCI update. */
int kzp_ctx_build_model(kzp_ctx **out, json_t *root, const kzp_path_map *map, kzp_error *err);

#endif
