# How npm builds the addon from the package's own sources (node-gyp), where no prebuilt binary in
# prebuilds/ fits the machine: another architecture, musl, macOS. scripts/package makes the
# linux-x64 prebuilt from this same file with prebuildify. The package carries every source the
# addon needs: deps/kzpenalty (the library's header, lib/, the dataset, and cmake/sources.cmake,
# the list of sources every build uses) and deps/jansson (Debian's jansson source, with the
# configuration headers of packaging/jansson). Nothing but a C compiler and Python (for node-gyp)
# is needed, and the addon needs nothing but libc. In the repository CMake builds the addon
# instead (CMakeLists.txt beside this file).
{
  'targets': [
    {
      'target_name': 'kzpenalty',
      'sources': [
        'src/addon.c',
        '<!@(node tools/gyp.js sources)',
        '<(INTERMEDIATE_DIR)/kzp_embedded_dataset.c',
      ],
      'include_dirs': ['deps/kzpenalty/include', 'deps/kzpenalty/lib', 'deps/jansson/config', 'deps/jansson/src'],
      # KZP_STATIC and hidden visibility: neither the library's functions nor jansson's are
      # exported from the addon, only its Node-API entry point. HAVE_CONFIG_H: jansson reads
      # deps/jansson/config/jansson_private_config.h.
      'defines': ['KZP_STATIC', 'HAVE_CONFIG_H=1'],
      'cflags': ['-std=c11', '-fvisibility=hidden'],
      'xcode_settings': {
        'GCC_SYMBOLS_PRIVATE_EXTERN': 'YES',
        'OTHER_CFLAGS': ['-std=c11'],
      },
      'actions': [
        {
          'action_name': 'embed_dataset',
          'inputs': ['tools/gyp.js', 'deps/kzpenalty/data/kzpenalty.json'],
          'outputs': ['<(INTERMEDIATE_DIR)/kzp_embedded_dataset.c'],
          'action': ['node', 'tools/gyp.js', 'embed', 'deps/kzpenalty/data/kzpenalty.json', '<@(_outputs)'],
        },
      ],
    },
  ],
}
