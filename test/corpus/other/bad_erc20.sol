// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract BrokenToken {
    mapping(address => uint256) public balanceOf;

    function transfer(address to, uint256 amount) external { // @vulnerable: other
        balanceOf[msg.sender] -= amount;
        balanceOf[to] += amount;
    }
}
