#ifndef CSYNCFS_H
#define CSYNCFS_H
#define _GNU_SOURCE
#include <unistd.h>

/// syncfs(2) is a GNU extension the Swift Glibc module does not show.
static inline int csyncfs_syncfs(int fd) { return syncfs(fd); }
#endif
