// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract Wallet {
    address public owner = msg.sender;

    receive() external payable {}

    function close() external {
        selfdestruct(payable(msg.sender)); // @vulnerable: access_control
    }
}
