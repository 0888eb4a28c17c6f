// Only the public headers: /usr/include/cmark-gfm holds internal headers with generic names.
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <stdlib.h>
