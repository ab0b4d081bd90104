#include <libxml/xmlversion.h>
// Swift's Foundation ships its own ICU; libxml2's optional ICU declarations would clash with it.
// TextMine never touches the ICU fields of libxml2's encoding handlers.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
