package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/fzlint/fzlint/rules"
	"github.com/spf13/cobra"
)

func newInitCmd(s *streams) *cobra.Command {
	return &cobra.Command{
		Use:   "init [目录]",
		Short: "在目录（默认当前目录）中写一个带说明的 .fzlint.yaml",
		Long:  "在目录（默认当前目录）中写一个带说明的 .fzlint.yaml。目录中已有 .fzlint.yaml 或 .fzlint.yml 时不覆盖，退出码 2。",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			return runInit(s, dir)
		},
	}
}

func runInit(s *streams, dir string) error {
	for _, name := range rules.ConfigNames {
		if _, err := os.Lstat(filepath.Join(dir, name)); err == nil {
			return &exitError{exitTrouble, fmt.Errorf("%s 已存在，不覆盖", filepath.Join(dir, name))}
		}
	}
	data, err := rules.StarterConfig()
	if err != nil {
		return &exitError{exitTrouble, err}
	}
	path := filepath.Join(dir, rules.ConfigNames[0])
	// O_EXCL: a file that appeared since the check above is not overwritten.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return &exitError{exitTrouble, fmt.Errorf("%s 已存在，不覆盖", path)}
	}
	if err != nil {
		return &exitError{exitTrouble, fmt.Errorf("无法创建 %s：%w", path, err)}
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		return &exitError{exitTrouble, fmt.Errorf("无法写入 %s：%w", path, err)}
	}
	fmt.Fprintf(s.out, "已写入 %s\n", path)
	return nil
}
