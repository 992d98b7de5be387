// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract TipJar {
    address public owner = msg.sender;

    receive() external payable {}

    function withdraw() external {
        payable(msg.sender).transfer(address(this).balance); // @vulnerable: access_control
    }
}
