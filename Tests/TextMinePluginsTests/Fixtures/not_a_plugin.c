/* Fixtures for the plugin-loading fault tests, compiled by the tests with the system C compiler.
 * With -DWRONG_ABI it claims another ABI; without, it is a shared library that is no plugin. */
#ifdef WRONG_ABI
const char *textmine_plugin_abi(void) { return "textmine-plugin/0 textmine/0.0.1 swift/5.9"; }
void *textmine_plugin_stages(void) { return 0; }
#else
int not_a_plugin(void) { return 42; }
#endif
