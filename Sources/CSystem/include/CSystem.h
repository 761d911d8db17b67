#ifndef CSYSTEM_H
#define CSYSTEM_H
#define _GNU_SOURCE
#include <unistd.h>

/// syncfs(2) is a GNU extension the Swift Glibc module does not show.
static inline int csystem_syncfs(int fd) { return syncfs(fd); }
#endif
