//go:build !linux

package main

// prepareHeap is for Linux (prefault_linux.go).
func prepareHeap() {}
