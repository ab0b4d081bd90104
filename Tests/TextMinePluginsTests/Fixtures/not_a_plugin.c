/* Fixtures for the plugin-loading fault tests, compiled by the tests with the system C compiler.
 * With -DWRONG_ABI it claims the ABI string of a stale plugin: the hand-bumped string TextMine used
 * while Article's layout changed under it (same string, other layout); without, it is a shared
 * library that is no plugin. */
#ifdef WRONG_ABI
const char *textmine_plugin_abi(void) { return "textmine-plugin/1 textmine/0.1.0 swift/6.3"; }
void *textmine_plugin_stages(void) { return 0; }
#else
int not_a_plugin(void) { return 42; }
#endif
