#ifndef KEZEK_CLMDB_SHIM_H
#define KEZEK_CLMDB_SHIM_H

#include <lmdb.h>

#endif
