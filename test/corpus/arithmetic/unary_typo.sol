// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract Score {
    int256 public score;

    function penalize() external {
        score =- 1; // @vulnerable: arithmetic
    }
}
