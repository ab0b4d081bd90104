/* CTextMineCompiler is a header-only module (see include/CTextMineCompiler.h), read by the Swift
 * compiler itself; SwiftPM needs one source file per C target. */
typedef int textmine_compiler_header_only;
