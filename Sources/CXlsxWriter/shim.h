#ifndef CXLSXWRITER_SHIM_H
#define CXLSXWRITER_SHIM_H
/* libxlsxwriter (Debian libxlsxwriter-dev), for the workbooks of SPEC §13. */
#include <xlsxwriter.h>
#endif
