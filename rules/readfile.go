package rules

import (
	"fmt"
	"io"
	"os"
)

// Size limits of the files the loader reads. The largest embedded pack is
// some 34 KB; a config is a few lines.
const (
	MaxConfigSize = 1 << 20
	MaxPackSize   = 4 << 20
)

// readRegular reads the regular file at path, at most limit bytes. Anything
// else is refused before it is opened for reading: a FIFO would block the
// open until a writer comes, a device such as /dev/zero never ends, and a
// cloned repository can carry either as .fzlint.yaml or a pack. The file is
// checked again once open, in case it was replaced in between.
func readRegular(path string, limit int64) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if err := checkRegular(info, limit); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err = f.Stat(); err != nil {
		return nil, err
	}
	if err := checkRegular(info, limit); err != nil {
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("文件超过上限 %d 字节", limit)
	}
	return data, nil
}

func checkRegular(info os.FileInfo, limit int64) error {
	switch m := info.Mode(); {
	case m.IsDir():
		return fmt.Errorf("是目录，不是文件")
	case !m.IsRegular():
		return fmt.Errorf("不是普通文件（%s），不读取", fileKind(m))
	case info.Size() > limit:
		return fmt.Errorf("文件有 %d 字节，超过上限 %d 字节", info.Size(), limit)
	}
	return nil
}

// fileKind names what a file that is not a regular file is.
func fileKind(m os.FileMode) string {
	switch {
	case m&os.ModeNamedPipe != 0:
		return "命名管道"
	case m&os.ModeDevice != 0, m&os.ModeCharDevice != 0:
		return "设备"
	case m&os.ModeSocket != 0:
		return "套接字"
	}
	return "特殊文件"
}
