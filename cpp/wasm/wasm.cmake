# readforge.mjs + readforge.wasm: one module for the browser Worker, workerd and Node.
# ES6 module for web and worker environments (Node loads it
# with wasmBinary), no new Function (workerd forbids it), no exceptions.
# Bulk memory turns memcpy/memset into single instructions (every host's V8 supports it).
target_compile_options(readforge_formats PRIVATE -mbulk-memory -msimd128)
target_compile_options(readforge_engine PRIVATE -mbulk-memory -msimd128)
target_compile_options(readforge_eval PRIVATE -mbulk-memory -msimd128)
target_compile_options(libdeflate PRIVATE -mbulk-memory -msimd128 -O3)
file(GLOB WASM_SOURCES CONFIGURE_DEPENDS cpp/wasm/*.cc)
add_executable(readforge_wasm ${WASM_SOURCES})
target_link_libraries(readforge_wasm PRIVATE readforge_engine readforge_eval)
target_compile_options(readforge_wasm PRIVATE ${READFORGE_FLAGS})
set_target_properties(readforge_wasm PROPERTIES OUTPUT_NAME readforge SUFFIX ".mjs"
  RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}")
target_link_options(readforge_wasm PRIVATE
  --bind -sMODULARIZE -sEXPORT_ES6 -sEXPORT_NAME=createReadforge -sENVIRONMENT=web,worker
  -sDYNAMIC_EXECUTION=0 -sALLOW_MEMORY_GROWTH -sINITIAL_MEMORY=8MB -sTOTAL_STACK=1MB -sMAXIMUM_MEMORY=256MB
  -sFILESYSTEM=0 -fno-exceptions -O3 -mbulk-memory -msimd128)
